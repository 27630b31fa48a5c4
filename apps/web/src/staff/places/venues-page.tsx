import { useState } from 'react';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { QueryStatus } from '../ui/query-status';
import { NameSearch } from './list-filters';
import { matchesSearch, VENUES_QUERY } from './queries';
import { VenueForm } from './venue-form';
import { VenueTable } from './venue-table';

export function VenuesPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.places.venues.title);
  const venues = useStaffQuery(VENUES_QUERY, {});
  const [search, setSearch] = useState('');
  return (
    <>
      <h1>{s.places.venues.title}</h1>
      <div className="toolbar">
        <DialogButton label={s.places.venues.new} title={s.places.venues.new}>
          {(close) => <VenueForm onSaved={close} />}
        </DialogButton>
      </div>
      <div className="places__filters">
        <NameSearch value={search} onChange={setSearch} />
      </div>
      <QueryStatus query={venues}>
        {(data) => (
          <VenueTable
            caption={s.places.venues.caption}
            venues={data.venues.filter((venue) => matchesSearch(venue.name, search) || matchesSearch(venue.organisation.name, search))}
            showOrganisation
          />
        )}
      </QueryStatus>
    </>
  );
}
