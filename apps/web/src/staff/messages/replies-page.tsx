import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { formatMoment } from './message-words';
import { SMS_REPLIES_QUERY, type SmsReplyRow } from './queries';

/** /staff/messages/replies: what people answered to our SMS, newest first, so a coordinator reads the replies no keyword explains. */
export function RepliesPage() {
  const { s, language, format } = useStaffI18n();
  const words = s.messages.replies;
  usePageTitle(words.title);
  const replies = useStaffQuery(SMS_REPLIES_QUERY, {});
  const columns: ColumnDef<SmsReplyRow, unknown>[] = [
    { id: 'when', header: words.when, accessorFn: (row) => row.receivedAt, cell: ({ row }) => formatMoment(row.original.receivedAt, language) },
    {
      id: 'from',
      header: words.from,
      accessorFn: (row) => row.maskedFrom,
      cell: ({ row }) => <span dir="ltr">{row.original.maskedFrom}</span>,
    },
    { id: 'text', header: words.text, enableSorting: false, accessorFn: (row) => row.text, cell: ({ row }) => <span dir="auto">{row.original.text}</span> },
    { id: 'keyword', header: words.keyword, accessorFn: (row) => (row.keyword ? words.keywords[row.keyword as keyof typeof words.keywords] : words.noKeyword) },
    { id: 'outcome', header: words.outcome, accessorFn: (row) => words.outcomes[row.outcome] },
    {
      id: 'person',
      header: words.person,
      accessorFn: (row) => row.firstName ?? '',
      cell: ({ row }) => {
        const reply = row.original;
        if (!reply.participantId) return words.unknownNumber;
        const name = reply.firstName ?? words.unnamed;
        return (
          <Link href={`~/staff/privacy/participants/${reply.participantId}`} aria-label={format(words.openPerson, { name })}>
            {name}
            {reply.sessionTitle ? ` (${reply.sessionTitle})` : ''}
          </Link>
        );
      },
    },
  ];
  return (
    <>
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      <QueryStatus query={replies}>
        {(data) => (
          <>
            <p>{format(words.count, { count: data.smsReplies.totalCount })}</p>
            <DataTable
              caption={words.caption}
              columns={columns}
              data={data.smsReplies.replies}
              rowId={(row) => row.id}
              initialSort={[{ id: 'when', desc: true }]}
            />
          </>
        )}
      </QueryStatus>
    </>
  );
}
