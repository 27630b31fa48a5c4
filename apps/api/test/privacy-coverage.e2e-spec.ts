import { PERSONAL_COLUMN, PERSONAL_DATA_TABLES } from '@app/privacy';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { CONFIRM_CODE, codeSentFor, REQUEST_CODE } from './self-registration-fixtures';
import { dataOf, startTestApi, TestApi } from './test-api';

const EXPORT = `query($s: PersonalDataSubjectInput!) { exportPersonalData(subject: $s) { document } }`;
const ERASE = `mutation($s: PersonalDataSubjectInput!, $r: String!) { erasePersonalData(subject: $s, reason: $r) { alreadyErased } }`;

/** A newcomer's own words, each unique in the database, so a search for them finds only theirs. */
const FIRST_NAME = 'Zvenyslava';
const PHONE = '0470 66 01 23';
const PHONE_E164 = '+32470660123';
const TRAJECTORY_NOTE = 'Zvenyslava zoekt een buddy voor de zorg';
const STATUS_NOTE = 'Zvenyslava koos de bibliotheek als plek';
const FOLLOW_UP_NOTE = 'Zvenyslava werkt nu in de zorg';

interface PersonalColumn {
  table: string;
  column: string;
}

/**
 * Every table holding personal data is covered by export and erasure: the personal
 * columns come from the database schema (PERSONAL_COLUMN in libs/privacy), and a newcomer who
 * signed up by SMS code is then searched for in every one of them — in the export before, and
 * nowhere after the erasure.
 */
describe('privacy: export and erasure cover every personal column of the schema', () => {
  let api: TestApi;
  let world: World;
  let columns: PersonalColumn[];

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    const rows = await api.dataSource.query<{ table_name: string; column_name: string; data_type: string }[]>(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type IN ('character varying', 'text', 'jsonb', 'json')
        ORDER BY c.table_name, c.column_name`,
    );
    // Personal by name, and every JSON column too: a payload may carry a name or a phone.
    columns = rows
      .filter((row) => PERSONAL_COLUMN.test(row.column_name) || row.data_type.startsWith('json'))
      .map((row) => ({ table: row.table_name, column: row.column_name }));
  });
  afterAll(() => api?.close());

  it('lists every table with a personal column as covered, or as not about a person with why', () => {
    const tables = [...new Set(columns.filter((c) => PERSONAL_COLUMN.test(c.column)).map((c) => c.table))].sort();
    expect(tables.filter((table) => !(table in PERSONAL_DATA_TABLES))).toEqual([]);
    // And nothing listed that the schema no longer has.
    expect(Object.keys(PERSONAL_DATA_TABLES).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it("finds a self-registered newcomer's data in their export, and nowhere after their erasure", async () => {
    const coordinator = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator).then(dataOf);
    const session = async (startsAt: string, endsAt: string) =>
      (await coordinator(CREATE_SESSION, { i: sessionInput(world, { venueId: world.schoolVenueId, startsAt, endsAt }) })).createSession.id as string;
    const first = await session('2026-09-10T09:00:00+02:00', '2026-09-10T10:30:00+02:00');
    const second = await session('2026-09-17T09:00:00+02:00', '2026-09-17T10:30:00+02:00');

    // Signs up by SMS code for the first session; asks a code for the second and never types it in.
    const requested = dataOf(
      await api.gql(REQUEST_CODE, { i: { sessionId: first, firstName: FIRST_NAME, phone: PHONE, preferredLanguage: 'uk' } }, null),
    ).requestRegistrationCode;
    const registration = dataOf(
      await api.gql(CONFIRM_CODE, { r: requested.requestId, c: await codeSentFor(api, requested.requestId) }, null),
    ).confirmRegistrationCode;
    dataOf(await api.gql(REQUEST_CODE, { i: { sessionId: second, firstName: FIRST_NAME, phone: PHONE, preferredLanguage: 'uk' } }, null));
    const [{ participant_id: participantId }] = await api.dataSource.query<{ participant_id: string }[]>(
      `SELECT participant_id FROM registration WHERE id = $1`,
      [registration.id],
    );
    const trajectoryId = (
      await coordinator(`mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id } }`, {
        i: { participantId, kind: 'BUDDY', referralChannel: 'SCHOOL', startsOn: '2026-09-01', notes: TRAJECTORY_NOTE },
      })
    ).createTrajectory.id;
    await coordinator(`mutation($id: ID!, $n: String) { changeTrajectoryStatus(id: $id, status: MATCHED, note: $n) { id } }`, {
      id: trajectoryId,
      n: STATUS_NOTE,
    });
    await coordinator(`mutation($id: ID!, $i: FollowUpInput!) { addTrajectoryFollowUp(id: $id, input: $i) { id } }`, {
      id: trajectoryId,
      i: { recordedOn: '2026-09-05', outcomes: ['OTHER'], note: FOLLOW_UP_NOTE },
    });

    /** Every personal column (and JSON column) of every table holding one of the newcomer's words, with what it holds. */
    const traces = async (): Promise<{ table: string; column: string; value: string }[]> => {
      const found: { table: string; column: string; value: string }[] = [];
      for (const { table, column } of columns) {
        const rows = await api.dataSource.query<{ value: string }[]>(
          `SELECT "${column}"::text AS value FROM "${table}" WHERE "${column}"::text ILIKE $1 OR "${column}"::text LIKE $2`,
          [`%${FIRST_NAME}%`, `%${PHONE_E164.slice(1)}%`],
        );
        found.push(...rows.map((row) => ({ table, column, value: row.value })));
      }
      return found;
    };

    const before = await traces();
    const tablesBefore = [...new Set(before.map((t) => t.table))].sort();
    // The signup left them in these tables (the code requests among them), each one covered for participants.
    expect(tablesBefore).toEqual(
      expect.arrayContaining(['participant', 'registration_code_request', 'trajectory', 'trajectory_status_change', 'trajectory_follow_up']),
    );
    for (const table of tablesBefore) expect([table, PERSONAL_DATA_TABLES[table]]).toEqual([table, expect.objectContaining({ subject: 'participant' })]);

    const document = JSON.stringify((await coordinator(EXPORT, { s: { participantId } })).exportPersonalData.document);
    for (const { table, column, value } of before) {
      // Each stored text appears in the export as it is; of a JSON column, the newcomer's words in it.
      const expected = PERSONAL_COLUMN.test(column) ? [value] : [FIRST_NAME, PHONE_E164.slice(1)].filter((word) => value.includes(word));
      for (const text of expected) expect([table, column, document.includes(JSON.stringify(text).slice(1, -1))]).toEqual([table, column, true]);
    }
    expect((JSON.parse(document) as { registration_code_requests: unknown[] }).registration_code_requests).toHaveLength(2);
    expect(document).not.toContain('code_hash');

    expect((await coordinator(ERASE, { s: { participantId }, r: 'request by SMS of 2026-09-20' })).erasePersonalData.alreadyErased).toBe(false);
    expect(await traces()).toEqual([]);
    expect(
      await api.dataSource.query(`SELECT id FROM registration_code_request WHERE registration_id = $1 OR phone = $2`, [registration.id, PHONE_E164]),
    ).toEqual([]);
    // Figures stay: the registration is still there.
    expect(await api.dataSource.query(`SELECT status FROM registration WHERE id = $1`, [registration.id])).toEqual([{ status: 'CONFIRMED' }]);
  });
});
