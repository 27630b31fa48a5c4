import type { Page } from 'playwright-core';
import { CREATE_SESSION, createWorld, sessionInput, type World } from '../../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../../api/test/test-api';
import { createVolunteers, registerNewcomer, SAVE_PROFILE } from '../../../api/test/volunteer-fixtures';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { typeDate } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const CREATE_TRAJECTORY = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id status } }`;
const TABLES = ['trajectory', 'trajectory_status_change', 'organisation', 'organisation_training'];

const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** The match page and the screening of host organisations, in Chromium against the API in production mode (the API's today: 2026-08-15). */
describe('staff matching: proposals, refusals of unscreened matches, the screening on the organisation page', () => {
  let web: WebTest;
  let page: Page;
  let world: World;
  let hostTrajectoryId: string;
  let buddyTrajectoryId: string;
  let brugId: string;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    const coordinator = (query: string, variables: Record<string, unknown>) => web.api.gql(query, variables, world.tokens.coordinator).then(dataOf);
    const intake = sessionInput(world, { title: 'Intake Picnik', startsAt: '2026-10-01T19:00:00+02:00', endsAt: '2026-10-01T20:30:00+02:00', capacity: 20 });
    const sessionId = (await coordinator(CREATE_SESSION, { i: intake })).createSession.id;
    const amina = await registerNewcomer(web.api, world, sessionId, { firstName: 'Amina', lastName: 'Haddou', preferredLanguage: 'ar' });
    const farid = await registerNewcomer(web.api, world, sessionId, { firstName: 'Farid', lastName: 'Noori', preferredLanguage: 'prs' });
    brugId = (await coordinator(`mutation { createOrganisation(input: { name: "Vereniging De Brug", kind: ASSOCIATION }) { id } }`, {})).createOrganisation.id;
    const [karim] = await createVolunteers(web.api, world, ['Karim Benali']);
    await coordinator(SAVE_PROFILE, { v: karim.id, i: { languages: ['prs', 'nl'], skills: ['BUDDY'], screeningStatus: 'NOT_REQUESTED' } });
    hostTrajectoryId = (
      await coordinator(CREATE_TRAJECTORY, { i: { participantId: amina, kind: 'ASSOCIATION', referralChannel: 'FMDO', startsOn: '2026-09-01' } })
    ).createTrajectory.id;
    buddyTrajectoryId = (await coordinator(CREATE_TRAJECTORY, { i: { participantId: farid, kind: 'BUDDY', referralChannel: 'SELF', startsOn: '2026-09-01' } }))
      .createTrajectory.id;
    page = await signedInStaffPage(web);
  });
  afterAll(() => web?.close());

  const hostOf = async (id: string) =>
    (await web.api.dataSource.query<{ host_organisation_id: string | null }[]>(`SELECT host_organisation_id FROM trajectory WHERE id = $1`, [id]))[0]
      .host_organisation_id;

  it('refuses an unscreened organisation in words, the screening is recorded on its page, then the same match succeeds', async () => {
    await page.goto(`/staff/picnik/cases/${hostTrajectoryId}/match`);
    await page.getByRole('heading', { name: 'Matchen', level: 1 }).waitFor();
    await page.getByText('Amina Haddou', { exact: true }).waitFor();
    const card = page.locator('.matching__card').filter({ hasText: 'Vereniging De Brug' });
    await card.getByText('Nog niet gescreend').waitFor();
    await card.getByText('Past bij dit soort traject').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await page.getByRole('button', { name: 'Vereniging De Brug kiezen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vereniging De Brug is nog niet gescreend. Registreer eerst de screening.' }).waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await hostOf(hostTrajectoryId)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    // The refusal links to the organisation, where the screening is recorded.
    await page.getByRole('link', { name: 'Naar Vereniging De Brug om de screening te registreren' }).click();
    await page.waitForURL((url) => url.pathname === `/staff/places/organisations/${brugId}`);
    await page.getByRole('heading', { name: 'Screening voor Picnik' }).waitFor();
    await page.getByText('Nog niet gescreend. Je kunt hier pas iemand matchen na de screening.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Bad input: a finished screening without its date.
    const form = page.getByRole('form', { name: 'Screening registreren' });
    await form.locator('.select__button').first().click();
    await page.getByRole('option', { name: 'Gescreend', exact: true }).click();
    await form.getByRole('button', { name: 'Screening opslaan' }).click();
    const dateField = form.locator('.field').filter({ hasText: 'Gescreend op' });
    await dateField.getByText('Kies een geldige datum.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // The browser lets a date in the future through; the API refuses it at the field.
    await typeDate(form, page, 'Gescreend op', '2026-12-01');
    await form.getByRole('button', { name: 'Screening opslaan' }).click();
    await dateField.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);

    await typeDate(form, page, 'Gescreend op', '2026-08-01');
    await form.locator('.select__button').nth(1).click();
    await page.getByRole('option', { name: 'Betaalt een vergoeding', exact: true }).click();
    await form.getByLabel('Uitleg over de vergoeding').fill('5 euro per namiddag');
    await form.getByRole('button', { name: 'Screening opslaan' }).click();
    await page.getByText('Gescreend. Nieuwkomers kunnen hier terecht tot en met 2029-07-31.').waitFor();
    const [row] = await web.api.dataSource.query(
      `SELECT screening_status, screened_on::text AS screened_on, pays_volunteer_allowance, allowance_note FROM organisation WHERE id = $1`,
      [brugId],
    );
    expect(row).toEqual({ screening_status: 'SCREENED', screened_on: '2026-08-01', pays_volunteer_allowance: true, allowance_note: '5 euro per namiddag' });

    // A training: bad input first, then added and removed by keyboard.
    const training = page.getByRole('form', { name: 'Vorming toevoegen' });
    const beforeTraining = await tableSnapshot(web.api.dataSource, TABLES);
    await training.getByRole('button', { name: 'Vorming toevoegen' }).click();
    await training.locator('.field').filter({ hasText: 'Naam van de vorming' }).getByText('Vul dit in.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(beforeTraining);
    expect(await axeViolations(page)).toEqual([]);
    await training.getByLabel('Naam van de vorming').fill('Werken met diverse groepen');
    await typeDate(training, page, 'Gevolgd op', '2026-08-03');
    await training.getByRole('button', { name: 'Vorming toevoegen' }).click();
    await page.getByText('Werken met diverse groepen (2026-08-03)').waitFor();
    await training.getByLabel('Naam van de vorming').fill('Eerste hulp');
    await typeDate(training, page, 'Gevolgd op', '2026-08-04');
    await training.getByRole('button', { name: 'Vorming toevoegen' }).click();
    await page.getByText('Eerste hulp (2026-08-04)').waitFor();
    await page.getByRole('button', { name: 'Vorming Eerste hulp verwijderen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Eerste hulp (2026-08-04)').waitFor({ state: 'detached' });
    expect(await web.api.dataSource.query(`SELECT name FROM organisation_training WHERE organisation_id = $1`, [brugId])).toEqual([
      { name: 'Werken met diverse groepen' },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    // Back to the match: now screened it comes first, and choosing it by keyboard matches it.
    await page.goto(`/staff/picnik/cases/${hostTrajectoryId}/match`);
    const screened = page.locator('.matching__card').filter({ hasText: 'Vereniging De Brug' });
    await screened.getByText('Gescreend, geldig tot en met 2029-07-31').waitFor();
    await screened.getByText('Betaalt een vrijwilligersvergoeding').waitFor();
    await page.getByRole('button', { name: 'Vereniging De Brug kiezen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/staff/picnik/cases/${hostTrajectoryId}`);
    expect(await hostOf(hostTrajectoryId)).toBe(brugId);
    expect(web.pageErrors).toEqual([]);
  });

  it('refuses a buddy without a certificate of good conduct, naming them; nothing changes', async () => {
    await page.goto(`/staff/picnik/cases/${buddyTrajectoryId}/match`);
    await page.getByRole('heading', { name: 'Voorstellen voor een buddy' }).waitFor();
    const card = page.locator('.matching__card').filter({ hasText: 'Karim Benali' });
    await card.getByText('Geen uittreksel uit het strafregister').waitFor();
    await card.getByText('Spreekt ook: prs').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await page.getByRole('button', { name: 'Karim Benali kiezen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Karim Benali heeft nog geen uittreksel uit het strafregister. Een buddy heeft er een nodig.' }).waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(web.pageErrors).toEqual([]);
  });
});
