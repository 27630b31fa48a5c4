import type { ColumnDef } from '@tanstack/react-table';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { BroadcastForm } from './broadcast-form';
import { formatMoment } from './message-words';
import { BROADCASTS_QUERY, type BroadcastRow } from './queries';

/** Write to a whole audience at once, and the broadcasts sent before. */
export function BroadcastPage() {
  const { s, language } = useStaffI18n();
  const words = s.messages.broadcast;
  usePageTitle(words.title);
  const broadcasts = useStaffQuery(BROADCASTS_QUERY, {});
  const columns: ColumnDef<BroadcastRow, unknown>[] = [
    { id: 'when', header: words.when, accessorFn: (row) => row.createdAt, cell: ({ row }) => formatMoment(row.original.createdAt, language) },
    { id: 'audience', header: words.audience, accessorFn: (row) => `${words.audienceKinds[row.audienceKind]}: ${row.audienceTitle}` },
    { id: 'text', header: words.text, enableSorting: false, accessorFn: (row) => row.text },
    { id: 'sms', header: words.smsCount, accessorFn: (row) => row.smsCount },
    { id: 'email', header: words.emailCount, accessorFn: (row) => row.emailCount },
    { id: 'by', header: words.by, accessorFn: (row) => row.author?.displayName ?? '' },
  ];
  return (
    <>
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      <BroadcastForm />
      <h2>{words.past}</h2>
      <QueryStatus query={broadcasts}>
        {(data) => (
          <DataTable caption={words.pastCaption} columns={columns} data={data.broadcasts} rowId={(row) => row.id} initialSort={[{ id: 'when', desc: true }]} />
        )}
      </QueryStatus>
    </>
  );
}
