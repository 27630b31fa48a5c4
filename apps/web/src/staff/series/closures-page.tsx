import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Button } from 'react-aria-components';
import { z } from 'zod';
import { usePageTitle } from '../../components/page-title';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { DateInputField, FormProblem, SubmitButton, TextInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { type ClosureRun, closureRuns } from './closure-runs';

const CLOSURES_QUERY = graphql(`
  query StaffClosureDays($from: Date!, $to: Date!, $organisationId: ID) {
    closureDays(from: $from, to: $to, organisationId: $organisationId) {
      id
      date
      label
      kind
      organisationId
    }
  }
`);

const ORGANISATIONS_QUERY = graphql(`
  query StaffClosureOrganisations {
    organisations {
      id
      name
    }
  }
`);

const ADD_CLOSURE_DAY = graphql(`
  mutation StaffAddClosureDay($input: AddClosureDayInput!) {
    addClosureDay(input: $input) {
      id
    }
  }
`);

const REMOVE_CLOSURE_DAY = graphql(`
  mutation StaffRemoveClosureDay($id: ID!) {
    removeClosureDay(id: $id)
  }
`);

type ClosureDay = ResultOf<typeof CLOSURES_QUERY>['closureDays'][number];

const ZONE = 'Europe/Brussels';

/** The school year a day is in (named after the year it starts, 1 September). */
function schoolYearOfToday(): number {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  return month >= 9 ? year : year - 1;
}

/** /staff/series/closures: the school holidays of a school year and each organisation's own free days; add and remove. */
export function ClosuresPage() {
  const { s, format } = useStaffI18n();
  usePageTitle(s.series.closures.title);
  const thisYear = schoolYearOfToday();
  const [schoolYear, setSchoolYear] = useState(thisYear);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const organisations = useStaffQuery(ORGANISATIONS_QUERY, {});
  const closures = useStaffQuery(CLOSURES_QUERY, { from: `${schoolYear}-09-01`, to: `${schoolYear + 1}-08-31`, organisationId });
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  const organisationName = organisations.data?.organisations.find((o) => o.id === organisationId)?.name ?? '';
  return (
    <>
      <h1>{s.series.closures.title}</h1>
      <p>{s.series.closures.intro}</p>
      <div className="closures__choices">
        <Choice
          label={s.series.closures.schoolYear}
          value={String(schoolYear)}
          onChange={(value) => setSchoolYear(Number(value))}
          options={years.map((year) => ({ id: String(year), label: `${year}-${year + 1}` }))}
        />
        <Choice
          label={s.series.closures.organisation}
          value={organisationId ?? ''}
          onChange={(value) => setOrganisationId(value || null)}
          options={[
            { id: '', label: s.series.closures.noOrganisation },
            ...(organisations.data?.organisations ?? []).map((o) => ({ id: o.id, label: o.name })),
          ]}
        />
      </div>
      <QueryStatus query={closures}>
        {(data) => (
          <>
            <StandardDays days={data.closureDays.filter((d) => d.kind !== 'ORGANISATION')} schoolYear={schoolYear} />
            {organisationId && (
              <section aria-labelledby="own-days-title">
                <h2 id="own-days-title">{format(s.series.closures.ownTitle, { name: organisationName })}</h2>
                <div className="toolbar">
                  <DialogButton label={s.series.closures.add} title={format(s.series.closures.addTitle, { name: organisationName })}>
                    {(close) => <AddClosureDayForm organisationId={organisationId} onSaved={close} />}
                  </DialogButton>
                </div>
                <OwnDays days={data.closureDays.filter((d) => d.kind === 'ORGANISATION')} />
              </section>
            )}
          </>
        )}
      </QueryStatus>
    </>
  );
}

function useDayFormat() {
  const { language } = useStaffI18n();
  const day = new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  return (date: string) => day.format(new Date(`${date}T12:00:00Z`));
}

function StandardDays(props: { days: ClosureDay[]; schoolYear: number }) {
  const { s, format } = useStaffI18n();
  const dayName = useDayFormat();
  const columns: ColumnDef<ClosureRun<ClosureDay['kind']>, unknown>[] = [
    { id: 'first', header: s.series.closures.from, accessorFn: (row) => row.first, cell: ({ row }) => dayName(row.original.first) },
    { id: 'last', header: s.series.closures.to, accessorFn: (row) => row.last, cell: ({ row }) => dayName(row.original.last) },
    { id: 'label', header: s.series.closures.name, accessorFn: (row) => row.label },
    { id: 'kind', header: s.series.closures.kind, accessorFn: (row) => s.series.closureKinds[row.kind] },
  ];
  return (
    <section aria-labelledby="standard-days-title">
      <h2 id="standard-days-title">{format(s.series.closures.standardTitle, { year: `${props.schoolYear}-${props.schoolYear + 1}` })}</h2>
      <DataTable
        caption={s.series.closures.standardCaption}
        columns={columns}
        data={closureRuns(props.days)}
        rowId={(row) => `${row.first}-${row.kind}-${row.label}`}
        initialSort={[{ id: 'first', desc: false }]}
        pageSize={50}
      />
    </section>
  );
}

function OwnDays(props: { days: ClosureDay[] }) {
  const { s, format } = useStaffI18n();
  const dayName = useDayFormat();
  const remove = useStaffMutation(REMOVE_CLOSURE_DAY);
  const columns: ColumnDef<ClosureDay, unknown>[] = [
    { id: 'date', header: s.series.closures.date, accessorFn: (row) => row.date, cell: ({ row }) => dayName(row.original.date) },
    { id: 'label', header: s.series.closures.name, accessorFn: (row) => row.label },
    {
      id: 'actions',
      header: s.series.detail.actions,
      enableSorting: false,
      cell: ({ row }) => (
        <DialogButton label={format(s.series.closures.removeOf, { date: dayName(row.original.date) })} title={s.series.closures.remove}>
          {(close) => (
            <>
              <p>{format(s.series.closures.removeIntro, { label: row.original.label })}</p>
              <button
                type="button"
                onClick={async () => {
                  await remove.mutateAsync({ id: row.original.id });
                  close();
                }}
              >
                {s.series.closures.removeConfirm}
              </button>
            </>
          )}
        </DialogButton>
      ),
    },
  ];
  return (
    <DataTable caption={s.series.closures.ownCaption} columns={columns} data={props.days} rowId={(row) => row.id} initialSort={[{ id: 'date', desc: false }]} />
  );
}

const closureSchema = z.object({ date: v.date(), label: v.text(200) });

function AddClosureDayForm(props: { organisationId: string; onSaved(): void }) {
  const { s } = useStaffI18n();
  const add = useStaffMutation(ADD_CLOSURE_DAY);
  const form = useStaffForm({ schema: closureSchema, defaultValues: { date: '', label: '' } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await add.mutateAsync({ input: { organisationId: props.organisationId, date: values.date, label: values.label } });
        props.onSaved();
      })}
    >
      <p>{s.series.closures.addIntro}</p>
      <FormProblem control={form.control} />
      <DateInputField control={form.control} name="date" label={s.series.closures.date} isRequired />
      <TextInput control={form.control} name="label" label={s.series.closures.name} description={s.series.closures.nameHint} isRequired />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}

/** A choice that filters the page (not part of a form), as a React Aria select. */
function Choice(props: { label: string; value: string; onChange(value: string): void; options: { id: string; label: string }[] }) {
  return (
    <Select className="field" selectedKey={props.value} onSelectionChange={(key) => props.onChange(String(key ?? ''))}>
      <Label>{props.label}</Label>
      <Button className="select__button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={props.options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox__item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
