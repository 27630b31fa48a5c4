import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { SelectInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { ANY, CHANNELS, formatMoment, languageName, MESSAGE_KINDS, MESSAGE_LANGUAGES, STATUSES } from './message-words';
import { NotificationDetails, recipientName } from './notification-details';
import { NOTIFICATIONS_QUERY, type NotificationRow } from './queries';

interface Filters {
  kind: string;
  channel: string;
  status: string;
  language: string;
}

const orNull = (value: string) => (value && value !== ANY ? value : null);

/** The outbox, newest first, narrowed by kind, channel, status and language; failedOnly: the failed deliveries. */
export function OutboxPage(props: { failedOnly?: boolean }) {
  const { s, language } = useStaffI18n();
  const words = s.messages.outbox;
  usePageTitle(props.failedOnly ? words.failedTitle : words.title);
  const filters = useForm<Filters>({ defaultValues: { kind: ANY, channel: ANY, status: ANY, language: ANY } });
  const chosen = filters.watch();
  const filter = {
    kind: orNull(chosen.kind),
    channel: orNull(chosen.channel) as 'EMAIL' | 'SMS' | null,
    status: (props.failedOnly ? 'FAILED' : orNull(chosen.status)) as 'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED' | null,
    language: orNull(chosen.language),
  };
  const notifications = useStaffQuery(NOTIFICATIONS_QUERY, { filter });
  const [resent, setResent] = useState(false);
  const all = { id: ANY, label: words.all };
  const columns: ColumnDef<NotificationRow, unknown>[] = [
    { id: 'due', header: words.due, accessorFn: (row) => row.dueAt, cell: ({ row }) => formatMoment(row.original.dueAt, language) },
    { id: 'kind', header: words.kind, accessorFn: (row) => s.messages.kinds[row.kind as keyof typeof s.messages.kinds] ?? row.kind },
    { id: 'to', header: words.to, accessorFn: (row) => recipientName(row, words.staff) },
    { id: 'channel', header: words.channel, accessorFn: (row) => s.messages.channels[row.channel] },
    {
      id: 'language',
      header: words.language,
      accessorFn: (row) => row.language,
      cell: ({ row }) => <span lang={row.original.language}>{languageName(row.original.language)}</span>,
    },
    { id: 'status', header: words.status, accessorFn: (row) => s.messages.statuses[row.status] },
    ...(props.failedOnly
      ? [
          {
            id: 'error',
            header: words.lastError,
            enableSorting: false,
            accessorFn: (row: NotificationRow) => row.lastError ?? '',
            cell: ({ row }: { row: { original: NotificationRow } }) => <span className="messages__error">{row.original.lastError}</span>,
          },
        ]
      : []),
    {
      id: 'details',
      header: words.details,
      enableSorting: false,
      cell: ({ row }) => <NotificationDetails notification={row.original} onResent={() => setResent(true)} />,
    },
  ];
  return (
    <>
      <h1>{props.failedOnly ? words.failedTitle : words.title}</h1>
      <p>{props.failedOnly ? words.failedIntro : words.intro}</p>
      <form className="messages__filters" aria-label={words.filters} onSubmit={(event) => event.preventDefault()}>
        <SelectInput
          control={filters.control}
          name="kind"
          label={words.kind}
          options={[all, ...MESSAGE_KINDS.map((kind) => ({ id: kind, label: s.messages.kinds[kind] }))]}
        />
        <SelectInput
          control={filters.control}
          name="channel"
          label={words.channel}
          options={[all, ...CHANNELS.map((id) => ({ id, label: s.messages.channels[id] }))]}
        />
        {!props.failedOnly && (
          <SelectInput
            control={filters.control}
            name="status"
            label={words.status}
            options={[all, ...STATUSES.map((id) => ({ id, label: s.messages.statuses[id] }))]}
          />
        )}
        <SelectInput
          control={filters.control}
          name="language"
          label={words.language}
          options={[all, ...MESSAGE_LANGUAGES.map((id) => ({ id, label: languageName(id) }))]}
        />
      </form>
      <p role="status">{resent ? words.resent : ''}</p>
      <QueryStatus query={notifications}>
        {(data) => (
          <DataTable
            caption={props.failedOnly ? words.failedTitle : words.caption}
            columns={columns}
            data={data.notifications}
            rowId={(row) => row.id}
            initialSort={[{ id: 'due', desc: true }]}
          />
        )}
      </QueryStatus>
    </>
  );
}
