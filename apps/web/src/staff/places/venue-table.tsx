import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { ActiveBadge } from './list-filters';
import { DEACTIVATE_VENUE, mapLink, REACTIVATE_VENUE, type VenueRow } from './queries';
import { ActivationButton, RowDialogButton } from './row-dialog';
import { VenueForm } from './venue-form';

/** Venues with their address (and a map link), room, accessibility notes, and what staff do with each. */
export function VenueTable(props: { caption: string; venues: readonly VenueRow[]; showOrganisation: boolean }) {
  const { s, format } = useStaffI18n();
  const columns: ColumnDef<VenueRow, unknown>[] = [
    { id: 'name', header: s.places.venues.name, accessorFn: (row) => row.name },
    ...(props.showOrganisation
      ? [
          {
            id: 'organisation',
            header: s.places.venues.organisation,
            accessorFn: (row: VenueRow) => row.organisation.name,
            cell: ({ row }: { row: { original: VenueRow } }) => (
              <Link href={`/organisations/${row.original.organisation.id}`}>{row.original.organisation.name}</Link>
            ),
          } satisfies ColumnDef<VenueRow, unknown>,
        ]
      : []),
    {
      id: 'address',
      header: s.places.venues.address,
      accessorFn: (row) => row.address,
      enableSorting: false,
      cell: ({ row }) => <Address address={row.original.address} />,
    },
    { id: 'room', header: s.places.venues.room, accessorFn: (row) => row.room ?? '', enableSorting: false },
    {
      id: 'capacityLimit',
      header: s.places.venues.capacityLimit,
      accessorFn: (row) => row.capacityLimit ?? Number.MAX_SAFE_INTEGER,
      cell: ({ row }) =>
        row.original.capacityLimit === null ? s.places.venues.noLimit : format(s.places.venues.people, { count: row.original.capacityLimit }),
    },
    { id: 'accessibilityNotes', header: s.places.venues.accessibilityNotes, accessorFn: (row) => row.accessibilityNotes ?? '', enableSorting: false },
    { id: 'status', header: s.places.status, accessorFn: (row) => (row.active ? 0 : 1), cell: ({ row }) => <ActiveBadge active={row.original.active} /> },
    { id: 'actions', header: s.places.actions, enableSorting: false, cell: ({ row }) => <VenueActions venue={row.original} /> },
  ];
  return <DataTable caption={props.caption} columns={columns} data={props.venues} rowId={(row) => row.id} initialSort={[{ id: 'name', desc: false }]} />;
}

function Address(props: { address: string }) {
  const { s, format } = useStaffI18n();
  return (
    <span className="places__address">
      {props.address}{' '}
      <a href={mapLink(props.address)} target="_blank" rel="noopener noreferrer" aria-label={format(s.places.venues.mapLabel, { address: props.address })}>
        {s.places.venues.map}
      </a>
    </span>
  );
}

function VenueActions(props: { venue: VenueRow }) {
  const { s, format } = useStaffI18n();
  const deactivate = useStaffMutation(DEACTIVATE_VENUE);
  const reactivate = useStaffMutation(REACTIVATE_VENUE);
  const { venue } = props;
  const name = { name: venue.name };
  return (
    <div className="places__actions">
      <RowDialogButton label={s.common.actions.edit} accessibleName={format(s.places.venues.edit, name)} title={format(s.places.venues.edit, name)}>
        {(close) => <VenueForm venue={venue} onSaved={close} />}
      </RowDialogButton>
      <ActivationButton
        active={venue.active}
        name={venue.name}
        strings={s.places.venues}
        onDeactivate={() => deactivate.mutateAsync({ id: venue.id })}
        onReactivate={() => reactivate.mutateAsync({ id: venue.id })}
      />
    </div>
  );
}
