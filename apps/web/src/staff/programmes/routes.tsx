import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { ProgrammeForm } from './programme-form';
import { ProgrammePage } from './programme-page';
import { useLanguageName } from './programme-words';
import { PROGRAMMES_QUERY, type ProgrammeRow } from './queries';
import './programmes.css';

/** Programmes under /staff/programmes: the list, and one programme's page with its series and sessions. */
export default function ProgrammesRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ProgrammesListPage />
      </Route>
      <Route path="/:id">{(params) => <ProgrammePage id={params.id} />}</Route>
    </Switch>
  );
}

type Show = 'active' | 'archived' | 'all';

function ProgrammesListPage() {
  const { s } = useStaffI18n();
  const p = s.programmes;
  usePageTitle(p.title);
  const programmes = useStaffQuery(PROGRAMMES_QUERY, {});
  const [show, setShow] = useState<Show>('active');
  const languageName = useLanguageName();
  const columns: ColumnDef<ProgrammeRow, unknown>[] = [
    {
      id: 'name',
      header: p.fields.name,
      accessorFn: (row) => row.name,
      cell: ({ row }) => <Link href={`/${row.original.id}`}>{row.original.name}</Link>,
    },
    { id: 'kind', header: p.fields.kind, accessorFn: (row) => p.kinds[row.kind] },
    { id: 'capacity', header: p.fields.defaultCapacity, accessorFn: (row) => row.defaultCapacity },
    { id: 'languages', header: p.fields.languages, accessorFn: (row) => row.languages.map(languageName).join(', '), enableSorting: false },
    { id: 'status', header: p.status, accessorFn: (row) => (row.active ? p.active : p.archived) },
  ];
  return (
    <>
      <h1>{p.title}</h1>
      <div className="toolbar">
        <DialogButton label={p.new} title={p.new}>
          {(close) => <ProgrammeForm onSaved={close} />}
        </DialogButton>
      </div>
      <fieldset className="programmes-filter">
        <legend>{p.filter.label}</legend>
        {(['active', 'archived', 'all'] as const).map((value) => (
          <label key={value} className="programmes-filter__choice">
            <input type="radio" name="programmes-show" value={value} checked={show === value} onChange={() => setShow(value)} />
            {p.filter[value]}
          </label>
        ))}
      </fieldset>
      <QueryStatus query={programmes}>
        {(data) => (
          <DataTable
            caption={p.filter.caption[show]}
            columns={columns}
            data={data.programmes.filter((row) => show === 'all' || row.active === (show === 'active'))}
            rowId={(row) => row.id}
            initialSort={[{ id: 'name', desc: false }]}
          />
        )}
      </QueryStatus>
    </>
  );
}
