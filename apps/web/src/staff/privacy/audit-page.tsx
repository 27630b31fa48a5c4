import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useSearch } from 'wouter';
import { z } from 'zod';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { DateInputField, FormProblem, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { useDateTime } from './privacy-words';
import { AUDIT_ACTORS, AUDIT_LOG, type AuditEntry } from './queries';

const ACTIONS = ['READ', 'CHANGE', 'EXPORT', 'ERASE'] as const;
const UUID = /^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Filter {
  actorId?: string;
  subjectId?: string;
  action?: (typeof ACTIONS)[number];
  from?: string;
  to?: string;
}

/** The start of a Brussels day as an instant; the API's `to` is exclusive, so "to" a day means the start of the next. */
const brusselsDay = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  const iso = date.toISOString().slice(0, 10);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${iso}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')!
    .value.replace('GMT', '');
  return `${iso}T00:00:00${offset || '+00:00'}`;
};

/** /staff/privacy/audit (admins): who read, changed, exported or erased whose data; filtered, newest first, a page at a time. */
export function AuditLogPage() {
  const { s } = useStaffI18n();
  const t = s.privacy.audit;
  usePageTitle(t.title);
  const initialSubject = new URLSearchParams(useSearch()).get('subject') ?? '';
  const [filter, setFilter] = useState<Filter>(initialSubject ? { subjectId: initialSubject } : {});
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <Link href="/">{s.privacy.person.back}</Link>
      </p>
      <AuditFilters initialSubject={initialSubject} onFilter={setFilter} />
      <AuditEntries key={JSON.stringify(filter)} filter={filter} />
    </>
  );
}

function AuditFilters(props: { initialSubject: string; onFilter(filter: Filter): void }) {
  const { s } = useStaffI18n();
  const t = s.privacy.audit;
  const actors = useStaffQuery(AUDIT_ACTORS, {});
  const optionalDate = z.union([z.literal(''), v.date()]);
  const schema = z
    .object({
      actorId: z.string(),
      subjectId: z.string().trim().regex(UUID, { error: 'invalid' }),
      action: z.string(),
      from: optionalDate.nullable(),
      to: optionalDate.nullable(),
    })
    .refine((values) => !values.from || !values.to || values.to >= values.from, { path: ['to'], error: 'endBeforeStart' });
  const form = useStaffForm({ schema, defaultValues: { actorId: '', subjectId: props.initialSubject, action: '', from: null, to: null } });
  const actorOptions = [{ id: '', label: t.anyone }, ...(actors.data?.users ?? []).map((user) => ({ id: user.id, label: user.displayName }))];
  const actionOptions = [{ id: '', label: t.anyAction }, ...ACTIONS.map((action) => ({ id: action, label: t.actions[action] }))];
  return (
    <form
      noValidate
      className="privacy-filters"
      aria-label={t.filters}
      onSubmit={form.submit(async (values) => {
        props.onFilter({
          actorId: values.actorId || undefined,
          subjectId: values.subjectId || undefined,
          action: (values.action || undefined) as Filter['action'],
          from: values.from ? brusselsDay(values.from) : undefined,
          to: values.to ? brusselsDay(values.to, 1) : undefined,
        });
      })}
    >
      <FormProblem control={form.control} />
      <SelectInput control={form.control} name="actorId" label={t.actor} options={actorOptions} placeholder={t.anyone} />
      <TextInput control={form.control} name="subjectId" label={t.subject} description={t.subjectHelp} />
      <SelectInput control={form.control} name="action" label={t.action} options={actionOptions} placeholder={t.anyAction} />
      <DateInputField control={form.control} name="from" label={t.from} />
      <DateInputField control={form.control} name="to" label={t.to} />
      <SubmitButton control={form.control}>{t.apply}</SubmitButton>
    </form>
  );
}

function AuditEntries(props: { filter: Filter }) {
  const { s, format } = useStaffI18n();
  const t = s.privacy.audit;
  const dateTime = useDateTime();
  // The cursors of the pages before this one, so "previous" goes back without the API paging backwards.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const log = useStaffQuery(AUDIT_LOG, { filter: props.filter, after });
  const columns: ColumnDef<AuditEntry, unknown>[] = [
    // Sortable within the page: the header's button also lets a keyboard reach the table's sideways scroll on a phone.
    { id: 'at', header: t.at, accessorFn: (row) => row.at, cell: (info) => dateTime(info.row.original.at) },
    { id: 'actor', header: t.actor, accessorFn: (row) => row.actor?.displayName ?? t.system, enableSorting: false },
    { id: 'action', header: t.action, accessorFn: (row) => t.actions[row.action], enableSorting: false },
    {
      id: 'subject',
      header: t.subject,
      accessorFn: (row) => `${t.kinds[row.subjectKind]} ${row.subjectId}`,
      cell: ({ row }) => <SubjectCell kind={row.original.subjectKind} id={row.original.subjectId} />,
      enableSorting: false,
    },
    { id: 'operation', header: t.operation, accessorFn: (row) => row.operation, enableSorting: false },
    { id: 'reason', header: t.reason, accessorFn: (row) => row.reason ?? '', enableSorting: false },
  ];
  return (
    <QueryStatus query={log}>
      {(data) => (
        <>
          <p role="status">{format(t.total, { count: data.auditLog.totalCount })}</p>
          <DataTable
            caption={t.caption}
            columns={columns}
            data={data.auditLog.edges.map((edge) => edge.node)}
            rowId={(row) => row.id}
            pageSize={25}
            initialSort={[{ id: 'at', desc: true }]}
          />
          <div className="toolbar">
            <Button className="button--secondary" isDisabled={cursors.length === 1} onPress={() => setCursors(cursors.slice(0, -1))}>
              {t.previous}
            </Button>
            <Button
              className="button--secondary"
              isDisabled={!data.auditLog.pageInfo.hasNextPage}
              onPress={() => setCursors([...cursors, data.auditLog.pageInfo.endCursor])}
            >
              {t.next}
            </Button>
          </div>
        </>
      )}
    </QueryStatus>
  );
}

/** Whose data: a link to a participant's or user's privacy page (an erased one says so there), a trajectory's number as is. */
function SubjectCell(props: { kind: AuditEntry['subjectKind']; id: string }) {
  const { s } = useStaffI18n();
  const label = `${s.privacy.audit.kinds[props.kind]} ${props.id}`;
  if (props.kind === 'TRAJECTORY') return <>{label}</>;
  return <Link href={`/${props.kind === 'PARTICIPANT' ? 'participants' : 'users'}/${props.id}`}>{label}</Link>;
}
