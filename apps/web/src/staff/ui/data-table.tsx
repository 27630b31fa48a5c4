import { type ColumnDef, flexRender, getCoreRowModel, getPaginationRowModel, getSortedRowModel, type SortingState, useReactTable } from '@tanstack/react-table';
import { useState } from 'react';
import { useStaffI18n } from '../staff-strings';

/**
 * A sortable, paged table (TanStack Table) with a caption, real <th scope> headers and sort
 * buttons that say their state (aria-sort), scrolling sideways on a phone instead of squeezing.
 * Column headers are plain strings so the sort button can name them.
 */
export function DataTable<Row>(props: {
  caption: string;
  columns: ColumnDef<Row, unknown>[];
  data: readonly Row[];
  pageSize?: number;
  /** Row id for React keys and tests (data-row-id). */
  rowId(row: Row): string;
  initialSort?: SortingState;
}) {
  const { s, format } = useStaffI18n();
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ?? []);
  const table = useReactTable({
    data: props.data as Row[],
    columns: props.columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: props.rowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize: props.pageSize ?? 25 } },
  });
  const pages = table.getPageCount();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          {props.caption} <span className="muted">({format(s.common.table.rows, { count: props.data.length })})</span>
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = String(header.column.columnDef.header ?? '');
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="data-table__sort" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-row-id={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
          {props.data.length === 0 && (
            <tr>
              <td colSpan={props.columns.length}>{s.common.table.empty}</td>
            </tr>
          )}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label={props.caption}>
          <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            {s.common.table.previous}
          </button>
          <span>{format(s.common.table.page, { page: table.getState().pagination.pageIndex + 1, pages })}</span>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            {s.common.table.next}
          </button>
        </nav>
      )}
    </div>
  );
}
