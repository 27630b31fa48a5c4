import { DEMO_PASSWORD, seedKortrijkDemo } from '../../../scripts/demo-seed';
import { historicalTrajectories } from '../../../scripts/demo-seed/picnik-history';
import { dataOf, startTestApi, TestApi } from './test-api';

const REPORT = `query($f: Date!, $t: Date!) { trajectoryReport(from: $f, to: $t) { total byKind { key count } byReferralChannel { key count } byStatus { key count } } }`;
const HISTORY = `query($f: Date!, $t: Date!) { trajectories(filter: { startsFrom: $f, startsTo: $t }) {
  id kind status startsOn endsOn buddy { id } hostOrganisation { name } participant { firstName } history { toStatus createdAt }
} }`;

/** The demo data reproduces the city's Picnik report: 82 trajectories from January 2022 to September 2023. */
describe('the demo seed: the Picnik figures of the city report', () => {
  let api: TestApi;
  let token: string;
  let seedMs: number;

  let personalLink: Awaited<ReturnType<typeof seedKortrijkDemo>>['personalLink'];
  beforeAll(async () => {
    const now = new Date();
    api = await startTestApi({ now });
    const started = Date.now();
    ({ personalLink } = await seedKortrijkDemo(api.config, now));
    seedMs = Date.now() - started;
    token = await api.login('coordinator@oefenkansen.demo', DEMO_PASSWORD);
  }, 180_000);

  afterAll(() => api?.close());

  it('counts 82 = buddy 51, volunteering 14, association 16, internship 1 for 2022-01-01..2023-09-30', async () => {
    console.log(`demo seed: ${seedMs} ms`);
    const { trajectoryReport } = dataOf(await api.gql(REPORT, { f: '2022-01-01', t: '2023-09-30' }, token));
    expect(trajectoryReport.total).toBe(82);
    expect(trajectoryReport.byKind).toEqual([
      { key: 'BUDDY', count: 51 },
      { key: 'VOLUNTEERING', count: 14 },
      { key: 'ASSOCIATION', count: 16 },
      { key: 'INTERNSHIP', count: 1 },
    ]);
    const channels = Object.fromEntries(trajectoryReport.byReferralChannel.map((row: { key: string; count: number }) => [row.key, row.count]));
    for (const channel of ['INTEGRATION_AGENCY', 'ADULT_EDUCATION', 'CONVERSATION_TABLE', 'FMDO', 'SELF']) expect(channels[channel]).toBeGreaterThan(0);
    expect(channels.SCHOOL + channels.KIND_EN_GEZIN + channels.OTHER).toBe(0);
    const statuses = Object.fromEntries(trajectoryReport.byStatus.map((row: { key: string; count: number }) => [row.key, row.count]));
    // Most are closed by now; a few are still being followed up.
    expect(statuses.CLOSED).toBeGreaterThan(75);
    expect(statuses.CLOSED + statuses.FOLLOW_UP).toBe(82);
  });

  it('keeps the recent year apart: nothing started between the report and the last twelve months', async () => {
    const { trajectoryReport } = dataOf(await api.gql(REPORT, { f: '2023-10-01', t: '2025-10-31' }, token));
    expect(trajectoryReport.total).toBe(0);
  });

  it('gives the historical trajectories buddies and host organisations of the demo, and a dated history', async () => {
    const { trajectories } = dataOf(await api.gql(HISTORY, { f: '2022-01-01', t: '2023-09-30' }, token));
    expect(trajectories).toHaveLength(82);
    const hosts = new Set(trajectories.flatMap((t: { hostOrganisation: { name: string } | null }) => (t.hostOrganisation ? [t.hostOrganisation.name] : [])));
    expect([...hosts].sort()).toEqual(['FMDO Kortrijk', 'Refu Interim', 'Stad Kortrijk – Integratiedienst', 'Vereniging Afghaanse Gemeenschap Kortrijk']);
    const volunteering = trajectories.filter((t: { kind: string }) => t.kind === 'VOLUNTEERING');
    // Every one of them with Refu Interim or the city.
    const volunteeringHosts = volunteering.flatMap((t: { hostOrganisation: { name: string } | null }) => (t.hostOrganisation ? [t.hostOrganisation.name] : []));
    expect(volunteeringHosts).toHaveLength(14);
    expect(new Set(volunteeringHosts)).toEqual(new Set(['Refu Interim', 'Stad Kortrijk – Integratiedienst']));
    const buddied = trajectories.filter((t: { buddy: unknown }) => t.buddy);
    expect(buddied.length).toBeGreaterThan(40);
    for (const trajectory of trajectories) {
      const days = trajectory.history.map((change: { createdAt: string }) => change.createdAt.slice(0, 10));
      expect(days[0]).toBe(trajectory.startsOn);
      expect(days.every((day: string) => day < '2024-07-01')).toBe(true);
    }
    expect(historicalTrajectories().map((t) => t.startsOn)).toEqual(trajectories.map((t: { startsOn: string }) => t.startsOn).sort());
  });

  it('hands the demo a parent’s personal link that opens her upcoming registration in Arabic, without a login', async () => {
    expect(personalLink).not.toBeNull();
    expect(personalLink!.url).toMatch(new RegExp(`^${api.config.publicBaseUrl}/r/[A-Za-z0-9_-]{22}$`));
    expect(personalLink!.startsAt.getTime()).toBeGreaterThan(Date.now());
    const token = personalLink!.url.split('/r/')[1];
    const { myRegistration } = dataOf(
      await api.gql(`query($t: String!) { myRegistration(token: $t) { status participant { firstName preferredLanguage } session { title } } }`, { t: token }),
    );
    expect(myRegistration).toMatchObject({ participant: { firstName: 'Amina', preferredLanguage: 'ar' }, session: { title: personalLink!.sessionTitle } });
    expect(['CONFIRMED', 'WAITLISTED']).toContain(myRegistration.status);
  });
});
