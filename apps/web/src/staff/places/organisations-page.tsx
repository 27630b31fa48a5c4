import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { ActiveBadge, KindFilter, NameSearch } from './list-filters';
import { OrganisationForm } from './organisation-form';
import { DEACTIVATE_ORGANISATION, matchesSearch, ORGANISATIONS_QUERY, type OrganisationRow, REACTIVATE_ORGANISATION } from './queries';
import { ActivationButton, RowDialogButton } from './row-dialog';

export function OrganisationsPage() {
  const { s, format } = useStaffI18n();
  usePageTitle(s.places.organisations.title);
  const organisations = useStaffQuery(ORGANISATIONS_QUERY, {});
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState('');
  const columns: ColumnDef<OrganisationRow, unknown>[] = [
    {
      id: 'name',
      header: s.places.organisations.name,
      accessorFn: (row) => row.name,
      cell: ({ row }) => <Link href={`/organisations/${row.original.id}`}>{row.original.name}</Link>,
    },
    { id: 'kind', header: s.places.organisations.kind, accessorFn: (row) => s.places.kinds[row.kind] },
    { id: 'phone', header: s.places.organisations.phone, accessorFn: (row) => row.phone ?? '', enableSorting: false },
    {
      id: 'venues',
      header: s.places.venues.title,
      accessorFn: (row) => row.venues.length,
      cell: ({ row }) => format(s.places.organisations.venueCount, { count: row.original.venues.length }),
    },
    { id: 'status', header: s.places.status, accessorFn: (row) => (row.active ? 0 : 1), cell: ({ row }) => <ActiveBadge active={row.original.active} /> },
    { id: 'actions', header: s.places.actions, enableSorting: false, cell: ({ row }) => <OrganisationActions organisation={row.original} /> },
  ];
  return (
    <>
      <h1>{s.places.organisations.title}</h1>
      <div className="toolbar">
        <DialogButton label={s.places.organisations.new} title={s.places.organisations.new}>
          {(close) => <OrganisationForm onSaved={close} />}
        </DialogButton>
      </div>
      <div className="places__filters">
        <NameSearch value={search} onChange={setSearch} />
        <KindFilter value={kind} onChange={setKind} />
      </div>
      <QueryStatus query={organisations}>
        {(data) => (
          <DataTable
            caption={s.places.organisations.caption}
            columns={columns}
            data={data.organisations.filter((row) => matchesSearch(row.name, search) && (!kind || row.kind === kind))}
            rowId={(row) => row.id}
            initialSort={[{ id: 'name', desc: false }]}
          />
        )}
      </QueryStatus>
    </>
  );
}

/** Edit, and deactivate or reactivate after a confirmation: the row's buttons, also on the organisation's own page. */
export function OrganisationActions(props: { organisation: OrganisationRow }) {
  const { s, format } = useStaffI18n();
  const deactivate = useStaffMutation(DEACTIVATE_ORGANISATION);
  const reactivate = useStaffMutation(REACTIVATE_ORGANISATION);
  const { organisation } = props;
  const name = { name: organisation.name };
  return (
    <div className="places__actions">
      <RowDialogButton
        label={s.common.actions.edit}
        accessibleName={format(s.places.organisations.edit, name)}
        title={format(s.places.organisations.edit, name)}
      >
        {(close) => <OrganisationForm organisation={organisation} onSaved={close} />}
      </RowDialogButton>
      <ActivationButton
        active={organisation.active}
        name={organisation.name}
        strings={s.places.organisations}
        onDeactivate={() => deactivate.mutateAsync({ id: organisation.id })}
        onReactivate={() => reactivate.mutateAsync({ id: organisation.id })}
      />
    </div>
  );
}
