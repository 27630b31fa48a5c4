import { DateTime } from 'luxon';
import { CREATE_SERIES, createWorld, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const PREVIEW = `query($i: CreateSessionSeriesInput!) { previewSessionSeries(input: $i) { startsAt endsAt skippedBecause { label kind } } }`;
const SERIES = `query($id: ID!) { sessionSeries(id: $id) { rrule sessions { id startsAt status cancellationReason } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateSessionSeriesInput!, $from: Date) { updateSessionSeries(id: $id, input: $i, from: $from) { createdSessions removedSessions } }`;
const END = `mutation($id: ID!, $from: Date!) { endSessionSeries(id: $id, from: $from) { removedSessions series { rrule } } }`;
const ADD_DATE = `mutation($id: ID!, $s: DateTime!) { addSessionSeriesDate(id: $id, startsAt: $s) { createdSessions } }`;

interface PreviewDate {
  startsAt: string;
  endsAt: string;
  skippedBecause: { label: string; kind: string } | null;
}

const dayOf = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone('Europe/Brussels').toISODate()!;

describe('previewing, ending and extending a series', () => {
  let api: TestApi;
  let world: World;

  // Every Tuesday 19:00 of the school year 2027-28, until 27 June 2028 (end of that day in Brussels).
  const input = () => ({
    programmeId: world.schoolbabbelId,
    venueId: world.schoolVenueId,
    title: 'Schoolbabbel 2027-28',
    rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20280627T215959Z',
    firstStartsAt: '2027-09-07T19:00:00+02:00',
    durationMinutes: 90,
    skipSchoolHolidays: true,
  });

  beforeAll(async () => {
    api = await startTestApi({ now: new Date('2027-06-01T10:00:00Z') });
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  it('previews exactly the dates createSessionSeries then creates, naming each skipped holiday, and saves nothing itself', async () => {
    const before = await tableSnapshot(api.dataSource, ['session_series', 'session']);
    const preview: PreviewDate[] = dataOf(await api.gql(PREVIEW, { i: input() }, world.tokens.coordinator)).previewSessionSeries;
    expect(await tableSnapshot(api.dataSource, ['session_series', 'session'])).toEqual(before);

    const skipped = preview.filter((d) => d.skippedBecause).map((d) => [dayOf(d.startsAt), d.skippedBecause!.label, d.skippedBecause!.kind]);
    expect(skipped).toEqual([
      ['2027-11-02', 'Herfstvakantie', 'SCHOOL_HOLIDAYS'],
      ['2027-12-28', 'Kerstvakantie', 'SCHOOL_HOLIDAYS'],
      ['2028-01-04', 'Kerstvakantie', 'SCHOOL_HOLIDAYS'],
      ['2028-02-29', 'Krokusvakantie', 'SCHOOL_HOLIDAYS'],
      ['2028-04-04', 'Paasvakantie', 'SCHOOL_HOLIDAYS'],
      ['2028-04-11', 'Paasvakantie', 'SCHOOL_HOLIDAYS'],
    ]);
    expect(preview).toHaveLength(43);

    const created = dataOf(await api.gql(CREATE_SERIES, { i: input() }, world.tokens.coordinator)).createSessionSeries;
    const wanted = preview.filter((d) => !d.skippedBecause).map((d) => new Date(d.startsAt).toISOString());
    expect(created.sessions.map((s: { startsAt: string }) => new Date(s.startsAt).toISOString())).toEqual(wanted);
    expect(created.sessions).toHaveLength(37);
    expect(new Date(preview[0].endsAt).getTime() - new Date(preview[0].startsAt).getTime()).toBe(90 * 60_000);
  });

  it("names the venue organisation's own free day as the reason", async () => {
    await api.gql(
      `mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id } }`,
      { i: { organisationId: world.schoolId, date: '2027-09-14', label: 'Pedagogische studiedag' } },
      world.tokens.coordinator,
    );
    const preview: PreviewDate[] = dataOf(await api.gql(PREVIEW, { i: input() }, world.tokens.coordinator)).previewSessionSeries;
    expect(preview.find((d) => dayOf(d.startsAt) === '2027-09-14')?.skippedBecause).toEqual({ label: 'Pedagogische studiedag', kind: 'ORGANISATION' });
  });

  it('refuses a series whose rule gives no dates, at the rrule field, and creates nothing', async () => {
    const before = await tableSnapshot(api.dataSource, ['session_series', 'session']);
    const result = await api.gql(CREATE_SERIES, { i: { ...input(), rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270901T000000Z' } }, world.tokens.coordinator);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'rrule' } });
    expect(await tableSnapshot(api.dataSource, ['session_series', 'session'])).toEqual(before);
  });

  it('changes a series from a date on and keeps the sessions before it', async () => {
    const series = dataOf(await api.gql(CREATE_SERIES, { i: { ...input(), title: 'Van datum' } }, world.tokens.coordinator)).createSessionSeries;
    const change = dataOf(
      await api.gql(
        UPDATE,
        { id: series.id, i: { rrule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20280627T215959Z', firstStartsAt: '2028-01-12T19:00:00+01:00' }, from: '2028-01-10' },
        world.tokens.coordinator,
      ),
    ).updateSessionSeries;
    expect(change.removedSessions).toBeGreaterThan(0);
    const after = dataOf(await api.gql(SERIES, { id: series.id }, world.tokens.coordinator)).sessionSeries.sessions as { startsAt: string }[];
    const days = after.map((s) => dayOf(s.startsAt));
    expect(days.filter((d) => d < '2028-01-10')).toEqual(
      series.sessions.map((s: { startsAt: string }) => dayOf(s.startsAt)).filter((d: string) => d < '2028-01-10'),
    );
    expect(days.filter((d) => d >= '2028-01-10').every((d) => DateTime.fromISO(d).weekday === 3)).toBe(true);
  });

  it('ends a series from a date: later sessions are cancelled, earlier ones stay, and an extra date can be added', async () => {
    const series = dataOf(await api.gql(CREATE_SERIES, { i: { ...input(), title: 'Stopt' } }, world.tokens.coordinator)).createSessionSeries;
    const ended = dataOf(await api.gql(END, { id: series.id, from: '2028-03-01' }, world.tokens.coordinator)).endSessionSeries;
    expect(ended.series.rrule).toContain('UNTIL=');
    const sessions = dataOf(await api.gql(SERIES, { id: series.id }, world.tokens.coordinator)).sessionSeries.sessions as {
      startsAt: string;
      status: string;
    }[];
    const later = sessions.filter((s) => dayOf(s.startsAt) >= '2028-03-01');
    expect(ended.removedSessions).toBe(later.length);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((s) => s.status === 'CANCELLED')).toBe(true);
    expect(sessions.filter((s) => dayOf(s.startsAt) < '2028-03-01').every((s) => s.status === 'SCHEDULED')).toBe(true);

    const added = dataOf(await api.gql(ADD_DATE, { id: series.id, s: '2028-03-04T10:00:00+01:00' }, world.tokens.coordinator)).addSessionSeriesDate;
    expect(added.createdSessions).toBe(1);
    const again = errorOf(await api.gql(ADD_DATE, { id: series.id, s: '2028-03-04T10:00:00+01:00' }, world.tokens.coordinator));
    expect(again).toMatchObject({ code: 'CONFLICT', extensions: { field: 'startsAt' } });
  });
});
