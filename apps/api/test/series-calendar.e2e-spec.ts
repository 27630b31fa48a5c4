import { DateTime } from 'luxon';
import { CREATE_SERIES, createWorld, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './test-api';

interface SessionRow {
  id: string;
  startsAt: string;
  endsAt: string;
  status?: string;
}

const brussels = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone('Europe/Brussels');
const dayOf = (iso: string) => brussels(iso).toISODate()!;
const between = (rows: SessionRow[], from: string, to: string) => rows.filter((s) => dayOf(s.startsAt) >= from && dayOf(s.startsAt) <= to);

describe('session series on the Flemish school calendar, in Brussels time', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    // 15 Aug 2026: before the school year 2026-27 starts.
    api = await startTestApi({ now: new Date('2026-08-15T10:00:00Z') });
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  async function createSeries(overrides: Record<string, unknown>): Promise<{ id: string; sessions: SessionRow[] }> {
    const input = {
      programmeId: world.schoolbabbelId,
      venueId: world.schoolVenueId,
      title: 'Schoolbabbel De Vlieger',
      durationMinutes: 90,
      skipSchoolHolidays: true,
      ...overrides,
    };
    return dataOf(await api.gql(CREATE_SERIES, { i: input }, world.tokens.coordinator)).createSessionSeries;
  }

  describe('a weekly Tuesday 19:00 table from 1 Sep 2026 that skips school holidays', () => {
    let sessions: SessionRow[];
    beforeAll(async () => {
      ({ sessions } = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=TU', firstStartsAt: '2026-09-01T19:00:00+02:00' }));
    });

    it('is materialised at once through the end of the school year', () => {
      expect(dayOf(sessions[0].startsAt)).toBe('2026-09-01');
      expect(dayOf(sessions[sessions.length - 1].startsAt)).toBe('2027-06-29');
      // 44 Tuesdays from 1 Sep 2026 to 29 Jun 2027, minus 1 autumn, 2 Christmas, 1 krokus and 2 Easter weeks.
      expect(sessions).toHaveLength(44 - 6);
    });

    it.each([
      ['autumn holiday', '2026-11-02', '2026-11-08'],
      ['Christmas holiday', '2026-12-21', '2027-01-03'],
      ['krokus holiday', '2027-02-08', '2027-02-14'],
      ['Easter holiday', '2027-03-29', '2027-04-11'],
      ['summer holiday', '2027-07-01', '2027-08-31'],
    ])('has no session in the %s (%s to %s)', (_name, from, to) => {
      expect(between(sessions, from, to)).toEqual([]);
    });

    it('keeps the Tuesday before and after each holiday', () => {
      const days = new Set(sessions.map((s) => dayOf(s.startsAt)));
      for (const day of ['2026-10-27', '2026-11-10', '2026-12-15', '2027-01-05', '2027-02-02', '2027-02-16', '2027-03-23', '2027-04-13'])
        expect(days).toContain(day);
    });

    it('starts every session at 19:00 Brussels time: 17:00Z in summer time, 18:00Z in winter time', () => {
      for (const session of sessions) {
        expect(brussels(session.startsAt).toFormat('HH:mm')).toBe('19:00');
        expect(brussels(session.endsAt).toFormat('HH:mm')).toBe('20:30');
        const utc = new Date(session.startsAt).toISOString().slice(11, 16);
        const day = dayOf(session.startsAt);
        const summerTime = day < '2026-10-25' || day > '2027-03-28';
        expect([day, utc]).toEqual([day, summerTime ? '17:00' : '18:00']);
      }
      expect(new Date(between(sessions, '2026-10-20', '2026-10-20')[0].startsAt).toISOString()).toBe('2026-10-20T17:00:00.000Z');
      expect(new Date(between(sessions, '2026-10-27', '2026-10-27')[0].startsAt).toISOString()).toBe('2026-10-27T18:00:00.000Z');
      expect(new Date(between(sessions, '2027-03-23', '2027-03-23')[0].startsAt).toISOString()).toBe('2027-03-23T18:00:00.000Z');
      expect(new Date(between(sessions, '2027-03-30', '2027-04-30')[0].startsAt).toISOString()).toBe('2027-04-13T17:00:00.000Z');
    });

    it('returns the sessions in the DateTime scalar with the Brussels offset', () => {
      expect(between(sessions, '2026-09-01', '2026-09-01')[0].startsAt).toBe('2026-09-01T19:00:00+02:00');
      expect(between(sessions, '2026-12-01', '2026-12-01')[0].startsAt).toBe('2026-12-01T19:00:00+01:00');
    });
  });

  it('skips Armistice Day (Wed 11 Nov 2026) in a weekly Wednesday series', async () => {
    const { sessions } = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=WE', firstStartsAt: '2026-09-02T08:45:00+02:00' });
    const days = sessions.map((s) => dayOf(s.startsAt));
    expect(days).not.toContain('2026-11-11');
    expect(days).toEqual(expect.arrayContaining(['2026-10-28', '2026-11-18']));
  });

  it('skips Ascension Day (Thu 6 May 2027) in a weekly Thursday series', async () => {
    const { sessions } = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=TH', firstStartsAt: '2026-09-03T08:45:00+02:00' });
    const days = sessions.map((s) => dayOf(s.startsAt));
    expect(days).not.toContain('2027-05-06');
    expect(days).toEqual(expect.arrayContaining(['2027-04-29', '2027-05-13']));
  });

  it('keeps holidays in a series that does not skip them', async () => {
    const { sessions } = await createSeries({
      rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=12',
      firstStartsAt: '2026-09-02T14:00:00+02:00',
      skipSchoolHolidays: false,
      venueId: world.centreVenueId,
      programmeId: world.praattafelId,
    });
    expect(sessions).toHaveLength(12);
    expect(sessions.map((s) => dayOf(s.startsAt))).toContain('2026-11-04');
  });

  it('shows a series for next school year with all its sessions at once', async () => {
    const { sessions } = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO', firstStartsAt: '2027-09-06T08:45:00+02:00' });
    expect(dayOf(sessions[0].startsAt)).toBe('2027-09-06');
    expect(dayOf(sessions[sessions.length - 1].startsAt)).toBe('2028-06-26');
  });

  it("skips a school's own free day added later, and cancels that day's session", async () => {
    const { id, sessions } = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=FR', firstStartsAt: '2026-09-04T08:45:00+02:00' });
    const target = between(sessions, '2026-10-16', '2026-10-16')[0];
    expect(target).toBeDefined();
    const added = await api.gql(
      'mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id kind date } }',
      { i: { organisationId: world.schoolId, date: '2026-10-16', label: 'Pedagogische studiedag' } },
      world.tokens.schoolContact,
    );
    expect(dataOf(added).addClosureDay).toMatchObject({ kind: 'ORGANISATION', date: '2026-10-16' });
    const after = dataOf(await api.gql('query($id: ID!) { sessionSeries(id: $id) { sessions { id startsAt status } } }', { id })).sessionSeries
      .sessions as SessionRow[];
    expect(after.find((s) => s.id === target.id)?.status).toBe('CANCELLED');
    expect(after.filter((s) => s.status === 'SCHEDULED')).toHaveLength(sessions.length - 1);

    const otherSchool = await api.gql(
      'mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id } }',
      { i: { organisationId: world.otherSchoolId, date: '2026-10-16', label: 'Studiedag' } },
      world.tokens.schoolContact,
    );
    expect(errorOf(otherSchool).code).toBe('FORBIDDEN');
  });

  describe('editing a series', () => {
    it('changes only sessions that have not started yet', async () => {
      const { id, sessions } = await createSeries({
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10',
        firstStartsAt: '2026-09-01T19:00:00+02:00',
        skipSchoolHolidays: false,
      });
      api.clock.set(new Date('2026-09-20T10:00:00Z'));
      try {
        const change = dataOf(
          await api.gql(
            'mutation($id: ID!, $i: UpdateSessionSeriesInput!) { updateSessionSeries(id: $id, input: $i) { createdSessions updatedSessions removedSessions series { sessions { id startsAt endsAt } } } }',
            { id, i: { durationMinutes: 60, title: 'Schoolbabbel (nieuw)' } },
            world.tokens.coordinator,
          ),
        ).updateSessionSeries;
        expect(change).toMatchObject({ createdSessions: 0, removedSessions: 0, updatedSessions: 7 });
        const after = change.series.sessions as SessionRow[];
        expect(after.map((s) => s.id)).toEqual(sessions.map((s) => s.id));
        const past = after.filter((s) => s.startsAt < '2026-09-20');
        expect(past).toHaveLength(3);
        for (const s of past) expect(brussels(s.endsAt).diff(brussels(s.startsAt), 'minutes').minutes).toBe(90);
        for (const s of after.filter((s) => s.startsAt > '2026-09-20')) expect(brussels(s.endsAt).diff(brussels(s.startsAt), 'minutes').minutes).toBe(60);
      } finally {
        api.clock.set(new Date('2026-08-15T10:00:00Z'));
      }
    });

    it('moves future sessions to a new weekday and keeps the wall-clock time', async () => {
      const { id } = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8', firstStartsAt: '2026-09-01T19:00:00+02:00', skipSchoolHolidays: false });
      const change = dataOf(
        await api.gql(
          'mutation($id: ID!, $i: UpdateSessionSeriesInput!) { updateSessionSeries(id: $id, input: $i) { createdSessions removedSessions series { sessions { startsAt } } } }',
          { id, i: { rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=8' } },
          world.tokens.coordinator,
        ),
      ).updateSessionSeries;
      expect(change.removedSessions).toBe(8);
      const days = (change.series.sessions as SessionRow[]).map((s) => brussels(s.startsAt));
      expect(days.every((d) => d.weekday === 4 && d.toFormat('HH:mm') === '19:00')).toBe(true);
    });
  });
});
