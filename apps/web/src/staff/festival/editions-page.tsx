import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { NewEditionForm } from './edition-form';
import { dayLabel, deadlineDay } from './festival-time';
import { EDITIONS_QUERY, type EditionRow } from './queries';

/** Every edition, newest first (the API's order: the coming one is the one people work on), and a new one. */
export function EditionsPage() {
  const { s, format, language } = useStaffI18n();
  const f = s.festival;
  usePageTitle(f.title);
  const editions = useStaffQuery(EDITIONS_QUERY, {});
  const columns: ColumnDef<EditionRow, unknown>[] = [
    {
      id: 'name',
      header: f.editions.name,
      enableSorting: false,
      cell: ({ row }) => <Link href={`/editions/${row.original.id}`}>{row.original.name}</Link>,
    },
    {
      id: 'days',
      header: f.editions.days,
      enableSorting: false,
      cell: ({ row }) => format(f.editions.dayRange, { from: dayLabel(row.original.startsOn, language), to: dayLabel(row.original.endsOn, language) }),
    },
    {
      id: 'deadline',
      header: f.editions.deadline,
      enableSorting: false,
      cell: ({ row }) => (row.original.applicationDeadline ? dayLabel(deadlineDay(row.original.applicationDeadline), language) : f.editions.noDeadline),
    },
    { id: 'plots', header: f.editions.plots, enableSorting: false, cell: ({ row }) => format(f.editions.plotCount, { count: row.original.plots.length }) },
  ];
  return (
    <>
      <h1>{f.title}</h1>
      <p className="intro">{f.editions.intro}</p>
      <QueryStatus query={editions}>
        {(data) => (
          <>
            <div className="toolbar">
              <DialogButton label={f.editions.new} title={f.editions.new} className="">
                {() => <NewEditionForm editions={data.festivalEditions} />}
              </DialogButton>
            </div>
            {data.festivalEditions.length === 0 ? (
              <p className="notice">{f.editions.none}</p>
            ) : (
              <DataTable caption={f.editions.caption} columns={columns} data={data.festivalEditions} rowId={(row) => row.id} />
            )}
          </>
        )}
      </QueryStatus>
    </>
  );
}
