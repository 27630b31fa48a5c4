import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { QueryStatus } from '../ui/query-status';
import { ActiveBadge } from './list-filters';
import { OrganisationScreeningSection } from './organisation-screening';
import { OrganisationActions } from './organisations-page';
import { ORGANISATIONS_QUERY, type OrganisationRow, VENUES_QUERY } from './queries';
import { VenueForm } from './venue-form';
import { VenueTable } from './venue-table';

/** One organisation: its details, what staff do with it, and its venues. */
export function OrganisationPage(props: { id: string }) {
  const { s } = useStaffI18n();
  const organisations = useStaffQuery(ORGANISATIONS_QUERY, {});
  const organisation = organisations.data?.organisations.find((row) => row.id === props.id);
  usePageTitle(organisation?.name ?? s.places.organisations.title);
  return (
    <>
      <p>
        <Link href="/organisations">{s.places.organisation.back}</Link>
      </p>
      <QueryStatus query={organisations}>
        {() => (organisation ? <OrganisationDetails organisation={organisation} /> : <p role="alert">{s.places.organisation.notFound}</p>)}
      </QueryStatus>
    </>
  );
}

function OrganisationDetails(props: { organisation: OrganisationRow }) {
  const { s, format } = useStaffI18n();
  const { organisation } = props;
  const venues = useStaffQuery(VENUES_QUERY, { organisationId: organisation.id });
  const name = { name: organisation.name };
  return (
    <>
      <h1>{organisation.name}</h1>
      <h2>{s.places.organisation.details}</h2>
      <dl className="places__details">
        <dt>{s.places.organisations.kind}</dt>
        <dd>{s.places.kinds[organisation.kind]}</dd>
        <dt>{s.places.organisations.phone}</dt>
        <dd>{organisation.phone ?? s.places.organisation.noPhone}</dd>
        <dt>{s.places.status}</dt>
        <dd>
          <ActiveBadge active={organisation.active} />
        </dd>
      </dl>
      <OrganisationActions organisation={organisation} />
      <OrganisationScreeningSection organisation={organisation} />
      <h2>{format(s.places.organisation.venuesTitle, name)}</h2>
      {organisation.active ? (
        <div className="toolbar">
          <DialogButton label={s.places.venues.new} title={s.places.venues.new}>
            {(close) => <VenueForm organisationId={organisation.id} onSaved={close} />}
          </DialogButton>
        </div>
      ) : (
        <p className="notice">{s.places.organisation.inactiveNote}</p>
      )}
      <QueryStatus query={venues}>
        {(data) => <VenueTable caption={format(s.places.organisation.venuesCaption, name)} venues={data.venues} showOrganisation={false} />}
      </QueryStatus>
    </>
  );
}
