import { SessionSeriesService } from '@app/scheduling';
import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const ORGANISATIONS = `query($all: Boolean) { organisations(includeInactive: $all) { id name active } }`;
const VENUES = `query($all: Boolean, $o: ID) { venues(includeInactive: $all, organisationId: $o) { id name active organisation { id } } }`;
const CREATE_ORGANISATION = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id active } }`;
const UPDATE_ORGANISATION = `mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id name kind phone active } }`;
const DEACTIVATE_ORGANISATION = `mutation($id: ID!) { deactivateOrganisation(id: $id) { id active } }`;
const REACTIVATE_ORGANISATION = `mutation($id: ID!) { reactivateOrganisation(id: $id) { id active } }`;
const CREATE_VENUE = `mutation($i: CreateVenueInput!) { createVenue(input: $i) { id active } }`;
const UPDATE_VENUE = `mutation($id: ID!, $i: UpdateVenueInput!) { updateVenue(id: $id, input: $i) { id name address room capacityLimit accessibilityNotes active } }`;
const DEACTIVATE_VENUE = `mutation($id: ID!) { deactivateVenue(id: $id) { id active } }`;
const REACTIVATE_VENUE = `mutation($id: ID!) { reactivateVenue(id: $id) { id active } }`;

/** Organisations and venues as the back office changes them: edits, switching off and on, and who may. */
describe('organisations and venues', () => {
  let api: TestApi;
  let world: World;
  const as = (who: keyof World['tokens'] | null, query: string, variables: Record<string, unknown> = {}) =>
    api.gql(query, variables, who ? world.tokens[who] : undefined);

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  it('edits an organisation, and clears its phone with an empty one', async () => {
    const { id } = dataOf(
      await as('coordinator', CREATE_ORGANISATION, { i: { name: 'Wijkcentrum Lange Munte', kind: 'NEIGHBOURHOOD_CENTRE' } }),
    ).createOrganisation;
    const updated = dataOf(
      await as('coordinator', UPDATE_ORGANISATION, { id, i: { name: 'Buurtcentrum Lange Munte', kind: 'PARTNER', phone: '056 27 74 00' } }),
    );
    expect(updated.updateOrganisation).toEqual({ id, name: 'Buurtcentrum Lange Munte', kind: 'PARTNER', phone: '+3256277400', active: true });
    const cleared = dataOf(await as('admin', UPDATE_ORGANISATION, { id, i: { phone: '' } }));
    expect(cleared.updateOrganisation.phone).toBeNull();
  });

  it('refuses bad edits at their field, changing nothing', async () => {
    const before = await tableSnapshot(api.dataSource, ['organisation', 'venue']);
    const phone = errorOf(await as('coordinator', UPDATE_ORGANISATION, { id: world.centreId, i: { phone: '123456' } }));
    expect([phone.code, phone.extensions.field]).toEqual(['BAD_USER_INPUT', 'phone']);
    const name = errorOf(await as('coordinator', UPDATE_ORGANISATION, { id: world.centreId, i: { name: '   ' } }));
    expect([name.code, name.extensions.field]).toEqual(['BAD_USER_INPUT', 'name']);
    const address = errorOf(await as('coordinator', UPDATE_VENUE, { id: world.centreVenueId, i: { address: 'x'.repeat(301) } }));
    expect([address.code, address.extensions.field]).toEqual(['BAD_USER_INPUT', 'address']);
    const limit = errorOf(await as('coordinator', UPDATE_VENUE, { id: world.centreVenueId, i: { capacityLimit: 0 } }));
    expect([limit.code, limit.extensions.field]).toEqual(['BAD_USER_INPUT', 'capacityLimit']);
    const missing = errorOf(await as('coordinator', UPDATE_VENUE, { id: '00000000-0000-4000-8000-000000000000', i: { name: 'Zaal' } }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(await tableSnapshot(api.dataSource, ['organisation', 'venue'])).toEqual(before);
  });

  it('edits a venue', async () => {
    const { id } = dataOf(
      await as('coordinator', CREATE_VENUE, { i: { organisationId: world.centreId, name: 'Zaal 2', address: 'Overleiestraat 2, 8500 Kortrijk' } }),
    ).createVenue;
    const input = {
      name: 'Zaal Leie',
      address: 'Overleiestraat 3, 8500 Kortrijk',
      room: 'Eerste verdieping',
      capacityLimit: 12,
      accessibilityNotes: 'Lift aan de achterkant',
    };
    expect(dataOf(await as('coordinator', UPDATE_VENUE, { id, i: input })).updateVenue).toEqual({ id, ...input, active: true });
    const cleared = dataOf(await as('coordinator', UPDATE_VENUE, { id, i: { room: '', capacityLimit: null } })).updateVenue;
    expect([cleared.room, cleared.capacityLimit, cleared.name]).toEqual([null, null, 'Zaal Leie']);
  });

  it('hides a deactivated organisation from the public list, refuses new venues and sessions there, and takes it back', async () => {
    const { id } = dataOf(await as('coordinator', CREATE_ORGANISATION, { i: { name: 'Vereniging De Brug', kind: 'ASSOCIATION' } })).createOrganisation;
    const venueId = dataOf(await as('coordinator', CREATE_VENUE, { i: { organisationId: id, name: 'Zaal De Brug', address: 'Brugstraat 1, 8500 Kortrijk' } }))
      .createVenue.id;
    expect(dataOf(await as('coordinator', DEACTIVATE_ORGANISATION, { id })).deactivateOrganisation).toEqual({ id, active: false });

    const publicIds = dataOf(await as(null, ORGANISATIONS)).organisations.map((o: { id: string }) => o.id);
    expect(publicIds).not.toContain(id);
    expect(publicIds).toContain(world.centreId);
    const staffList = dataOf(await as('coordinator', ORGANISATIONS, { all: true })).organisations;
    expect(staffList).toContainEqual({ id, name: 'Vereniging De Brug', active: false });

    const before = await tableSnapshot(api.dataSource, ['organisation', 'venue', 'session']);
    const venue = errorOf(await as('coordinator', CREATE_VENUE, { i: { organisationId: id, name: 'Zaal 2', address: 'Brugstraat 2, 8500 Kortrijk' } }));
    expect([venue.code, venue.extensions.field]).toEqual(['DEACTIVATED', 'organisationId']);
    const session = errorOf(await as('coordinator', CREATE_SESSION, { i: sessionInput(world, { venueId }) }));
    expect([session.code, session.extensions.field]).toEqual(['DEACTIVATED', 'venueId']);
    expect(await tableSnapshot(api.dataSource, ['organisation', 'venue', 'session'])).toEqual(before);

    expect(dataOf(await as('admin', REACTIVATE_ORGANISATION, { id })).reactivateOrganisation).toEqual({ id, active: true });
    expect(dataOf(await as(null, ORGANISATIONS)).organisations.map((o: { id: string }) => o.id)).toContain(id);
    dataOf(await as('coordinator', CREATE_SESSION, { i: sessionInput(world, { venueId, title: 'Praattafel De Brug' }) }));
  });

  it('lists venues for staff, leaves deactivated ones out unless asked, and refuses new sessions at them', async () => {
    const { id } = dataOf(
      await as('coordinator', CREATE_VENUE, { i: { organisationId: world.schoolId, name: 'Turnzaal', address: 'Schoolstraat 1, 8500 Kortrijk' } }),
    ).createVenue;
    expect(dataOf(await as('coordinator', DEACTIVATE_VENUE, { id })).deactivateVenue).toEqual({ id, active: false });
    const active = dataOf(await as('coordinator', VENUES, { o: world.schoolId })).venues.map((v: { id: string }) => v.id);
    expect(active).toEqual([world.schoolVenueId]);
    const all = dataOf(await as('coordinator', VENUES, { all: true })).venues;
    expect(all).toContainEqual({ id, name: 'Turnzaal', active: false, organisation: { id: world.schoolId } });
    expect(all.length).toBeGreaterThanOrEqual(4);

    const session = errorOf(await as('coordinator', CREATE_SESSION, { i: sessionInput(world, { venueId: id }) }));
    expect([session.code, session.extensions.field]).toEqual(['DEACTIVATED', 'venueId']);
    expect(dataOf(await as('coordinator', REACTIVATE_VENUE, { id })).reactivateVenue).toEqual({ id, active: true });
  });

  it('stops an open-ended series from growing at a deactivated venue until it is active again', async () => {
    const { id } = dataOf(
      await as('coordinator', CREATE_VENUE, { i: { organisationId: world.centreId, name: 'Zaal Heule', address: 'Peperstraat 4, 8501 Heule' } }),
    ).createVenue;
    const input = {
      programmeId: world.praattafelId,
      venueId: id,
      title: 'Praattafel Heule',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      firstStartsAt: '2026-09-07T13:30:00+02:00',
      durationMinutes: 90,
    };
    const seriesId = dataOf(await as('coordinator', CREATE_SERIES, { i: input })).createSessionSeries.id;
    const count = async () => (await api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM session WHERE series_id = $1`, [seriesId]))[0].n;
    const first = await count();
    dataOf(await as('coordinator', DEACTIVATE_VENUE, { id }));
    const now = api.clock.now();
    try {
      // In June 2027 the lookahead reaches into the next school year.
      api.clock.set(new Date('2027-06-01T01:15:00Z'));
      await api.app.get(SessionSeriesService).extendSeriesHorizons();
      expect(await count()).toBe(first);
      dataOf(await as('coordinator', REACTIVATE_VENUE, { id }));
      await api.app.get(SessionSeriesService).extendSeriesHorizons();
      expect(await count()).toBe(first + 52);
    } finally {
      api.clock.set(now);
    }
  });

  it('lets only ADMIN and COORDINATOR change places or see deactivated ones', async () => {
    const before = await tableSnapshot(api.dataSource, ['organisation', 'venue']);
    for (const who of ['host', 'schoolContact', null] as const) {
      const refusals = [
        await as(who, UPDATE_ORGANISATION, { id: world.schoolId, i: { name: 'Overgenomen' } }),
        await as(who, DEACTIVATE_ORGANISATION, { id: world.schoolId }),
        await as(who, REACTIVATE_ORGANISATION, { id: world.schoolId }),
        await as(who, UPDATE_VENUE, { id: world.schoolVenueId, i: { name: 'Overgenomen' } }),
        await as(who, DEACTIVATE_VENUE, { id: world.schoolVenueId }),
        await as(who, REACTIVATE_VENUE, { id: world.schoolVenueId }),
        await as(who, VENUES),
        await as(who, ORGANISATIONS, { all: true }),
      ];
      for (const refusal of refusals) expect(errorOf(refusal).code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    expect(await tableSnapshot(api.dataSource, ['organisation', 'venue'])).toEqual(before);
  });
});
