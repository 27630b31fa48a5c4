import type { Locator, Page } from 'playwright-core';
import { createWorld, type World } from '../../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { typeDate } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const TABLES = ['participant', 'trajectory', 'trajectory_status_change', 'trajectory_follow_up'];
const SAVE_PROFILE = `mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { id } }`;
const MATCH = `mutation($id: ID!, $i: UpdateTrajectoryInput!) { updateTrajectory(id: $id, input: $i) { id } }`;

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The React Aria select labelled `label` inside `scope`: open it, pick an option. */
async function choose(page: Page, scope: Locator | Page, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Presses Tab (never the mouse) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The Picnik case board and a case from intake to closed, in Chromium against the API in production mode ("today" is Wednesday 9 September 2026). */
describe('staff Picnik cases', () => {
  let web: WebTest;
  let world: World;
  let page: Page;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    // "Today" for the API too: a follow-up planned for 9 September is due on both sides.
    web.api.clock.set(BROWSER_NOW);
    world = await createWorld(web.api);
    // The buddy's certificate of good conduct is in: a BUDDY case may be matched with them.
    dataOf(
      await web.api.gql(
        SAVE_PROFILE,
        {
          v: world.userIds.volunteer,
          i: {
            languages: ['nl', 'ar'],
            skills: ['BUDDY'],
            availableWeekdays: [3],
            availableDayparts: ['EVENING'],
            screeningStatus: 'RECEIVED',
            screeningDate: '2026-06-01',
          },
        },
        world.tokens.coordinator,
      ),
    );
    // The association hosts newcomers only once the integration service screened it.
    dataOf(
      await web.api.gql(
        `mutation($id: ID!, $i: OrganisationScreeningInput!) { recordOrganisationScreening(id: $id, input: $i) { id } }`,
        { id: world.associationId, i: { status: 'SCREENED', screenedOn: '2026-03-01' } },
        world.tokens.coordinator,
      ),
    );
    page = await signedInStaffPage(web);
  });
  afterAll(() => web?.close());

  const trajectoryRow = async (id: string) =>
    (
      await web.api.dataSource.query<{ status: string; outcome: string | null; buddy_id: string | null }[]>(
        `SELECT status, outcome, buddy_id FROM trajectory WHERE id = $1`,
        [id],
      )
    )[0];

  it('takes a case from intake to closed: created in the browser, a follow-up due on the dashboard and the board, recorded, closed with its outcome', async () => {
    // A new case: bad input first, nothing saved.
    await page.goto('/staff/picnik/new');
    await page.getByRole('heading', { name: 'Nieuw traject', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await page.getByRole('button', { name: 'Traject maken' }).click();
    await page.getByText('Kies eerst een deelnemer.').waitFor();
    const kindField = page.locator('.field').filter({ hasText: 'Soort traject' });
    await kindField.getByText('Maak een keuze.').waitFor();
    await page.locator('.field').filter({ hasText: 'Doorverwezen via' }).getByText('Maak een keuze.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // A new person, no e-mail: first name, language, SMS with a phone.
    await page.getByRole('radio', { name: 'Een nieuwe persoon' }).check();
    await page.getByRole('button', { name: 'Traject maken' }).click();
    await page.locator('.field').filter({ hasText: 'Voornaam' }).getByText('Vul dit in.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Voornaam').fill('Samira');
    await page.getByLabel('Familienaam').fill('Haddad');
    await choose(page, page, /Taal/, 'Arabisch');
    await choose(page, page, /Hoe we de persoon bereiken/, 'sms');
    await page.getByLabel('Telefoon').fill('0470 12 34 56');
    await page.getByText(/toestemming gegeven/).click();
    await choose(page, page, /Soort traject/, 'Buddy');
    await choose(page, page, /Doorverwezen via/, 'FMDO');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.getByRole('button', { name: 'Traject maken' }).click();
    await page.waitForURL(/\/staff\/picnik\/cases\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'Traject van Samira Haddad', level: 1 }).waitFor();
    const [participant] = await web.api.dataSource.query(
      `SELECT p.first_name, p.email, p.phone, p.preferred_language, p.contact_channel FROM participant p JOIN trajectory t ON t.participant_id = p.id WHERE t.id = $1`,
      [id],
    );
    expect(participant).toEqual({ first_name: 'Samira', email: null, phone: '+32470123456', preferred_language: 'ar', contact_channel: 'SMS' });
    expect(await trajectoryRow(id)).toMatchObject({ status: 'INTAKE', outcome: null });
    await page.getByRole('link', { name: 'Koppelen' }).waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Matched through the API (the match page is another piece), then moved on here.
    dataOf(await web.api.gql(MATCH, { id, i: { buddyId: world.userIds.volunteer } }, world.tokens.coordinator));
    await page.reload();
    await page.getByRole('link', { name: 'Koppeling wijzigen' }).waitFor();
    for (const status of ['Gekoppeld', 'Loopt', 'Opvolging']) {
      await page.getByRole('button', { name: 'Status wijzigen' }).click();
      const dialog = page.getByRole('dialog');
      await choose(page, dialog, /Nieuwe status/, status);
      await dialog.getByRole('button', { name: 'Status wijzigen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.case__details').getByText(status, { exact: true }).waitFor();
    }
    expect(await trajectoryRow(id)).toMatchObject({ status: 'FOLLOW_UP', buddy_id: world.userIds.volunteer });

    // A follow-up: an empty date stays in the browser; a day before the start passes the browser and the API refuses it at the field.
    await page.getByRole('button', { name: 'Opvolging plannen' }).click();
    const plan = page.getByRole('dialog', { name: 'Opvolging plannen' });
    const beforePlan = await tableSnapshot(web.api.dataSource, TABLES);
    await plan.getByRole('button', { name: 'Opvolging plannen' }).click();
    await plan.locator('.field').filter({ hasText: 'Tegen wanneer' }).getByText('Kies een geldige datum.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await typeDate(plan, page, 'Tegen wanneer', '2026-09-01');
    await plan.getByLabel('Wat moet je nagaan?').fill('Bellen: gaat ze nog naar de praattafel?');
    await plan.getByRole('button', { name: 'Opvolging plannen' }).click();
    await plan.locator('.field').filter({ hasText: 'Tegen wanneer' }).getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await plan.getByLabel('Wat moet je nagaan?').inputValue()).toBe('Bellen: gaat ze nog naar de praattafel?');
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(beforePlan);
    expect(await axeViolations(page)).toEqual([]);
    await typeDate(plan, page, 'Tegen wanneer', '2026-09-09');
    await plan.getByRole('button', { name: 'Opvolging plannen' }).click();
    await plan.waitFor({ state: 'detached' });
    await page.getByText('Te doen (gepland voor 9 sep 2026)').waitFor();

    // The dashboard counts it and leads to the board filtered on it.
    await page.goto('/staff');
    const signal = page.locator('[data-count="picnik-follow-ups-due"]');
    await signal.waitFor();
    expect(await signal.innerText()).toBe('1 Picnik-opvolging te doen');
    await signal.getByRole('link', { name: '1 Picnik-opvolging te doen' }).click();
    await page.waitForURL(/\/staff\/picnik\?followUpDue=1$/);
    expect(await page.getByRole('checkbox', { name: 'Alleen met opvolging te doen' }).isChecked()).toBe(true);
    const card = page.getByRole('article', { name: 'Samira Haddad' });
    await card.getByText('Opvolging te doen').waitFor();
    await page.getByText('1 traject', { exact: true }).waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Recorded: no longer due.
    await card.getByRole('link', { name: 'Samira Haddad' }).click();
    await page.getByRole('button', { name: 'Opvolging van 9 sep 2026 noteren' }).click();
    const record = page.getByRole('dialog');
    await record.getByText('Blijft lid', { exact: true }).click();
    await record.getByLabel('Notitie').fill('Komt elke week naar de praattafel.');
    expect(await axeViolations(page)).toEqual([]);
    await record.getByRole('button', { name: 'Opvolging noteren' }).click();
    await record.waitFor({ state: 'detached' });
    await page.getByText('Gedaan op 9 sep 2026').waitFor();
    expect(dataOf(await web.api.gql(`query { dueTrajectoryFollowUpCount }`, {}, world.tokens.coordinator)).dueTrajectoryFollowUpCount).toBe(0);

    // Closing without the outcome: the message at the outcome field, nothing changed.
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const close = page.getByRole('dialog');
    await choose(page, close, /Nieuwe status/, 'Afgesloten');
    const beforeClose = await tableSnapshot(web.api.dataSource, TABLES);
    await close.getByRole('button', { name: 'Status wijzigen' }).click();
    await close.locator('.field').filter({ hasText: 'Hoe gaat de persoon verder?' }).getByText('Maak een keuze.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(beforeClose);
    expect(await axeViolations(page)).toEqual([]);
    await choose(page, close, /Hoe gaat de persoon verder/, 'Gaat verder bij Refu Interim');
    await close.getByRole('button', { name: 'Status wijzigen' }).click();
    await close.waitFor({ state: 'detached' });
    await page.locator('.case__details').getByText('Gaat verder bij Refu Interim').waitFor();
    expect(await trajectoryRow(id)).toMatchObject({ status: 'CLOSED', outcome: 'CONTINUES_AT_REFU_INTERIM' });
    const history = page.getByRole('table', { name: 'Statuswijzigingen van dit traject' });
    expect(await history.getByRole('row').count()).toBe(1 + 5);
    await history.getByText('Opvolging → Afgesloten').waitFor();
    expect(await page.getByRole('link', { name: /Koppel/ }).count()).toBe(0);
    expect(web.pageErrors).toEqual([]);
  });

  it('moves a case on the board with the keyboard alone', async () => {
    const participantId = dataOf(
      await web.api.gql(
        `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { participant { id } } }`,
        {
          i: {
            participant: { firstName: 'Jawad', preferredLanguage: 'prs', contactChannel: 'NONE', consentToContact: false },
            kind: 'VOLUNTEERING',
            referralChannel: 'SELF',
            startsOn: '2026-09-01',
            hostOrganisationId: world.associationId,
          },
        },
        world.tokens.coordinator,
      ),
    ).createTrajectory.participant.id;
    expect(participantId).toBeTruthy();
    await page.goto('/staff/picnik');
    const card = page.getByRole('article', { name: 'Jawad' });
    await card.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, card.getByRole('button', { name: 'Jawad verplaatsen' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Status van Jawad wijzigen' });
    await dialog.waitFor();
    // MATCHED goes on to ACTIVE first: Tab to the status, arrows to "Loopt" (already chosen), the note, then the button.
    await tabTo(page, dialog.getByRole('button', { name: /Nieuwe status/ }));
    await page.keyboard.press('Enter');
    const option = page.getByRole('option', { name: 'Loopt', exact: true });
    await option.waitFor();
    for (let i = 0; i < 5 && !(await option.evaluate((element) => element === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await option.waitFor({ state: 'detached' });
    await tabTo(page, dialog.getByLabel('Notitie'));
    await page.keyboard.type('Start bij de vereniging');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, dialog.getByRole('button', { name: 'Status wijzigen' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: /^Loopt/ })
      .getByRole('article', { name: 'Jawad' })
      .waitFor();
    const [row] = await web.api.dataSource.query(
      `SELECT t.status, c.note FROM trajectory t JOIN trajectory_status_change c ON c.trajectory_id = t.id AND c.to_status = 'ACTIVE' WHERE t.participant_id = $1`,
      [participantId],
    );
    expect(row).toEqual({ status: 'ACTIVE', note: 'Start bij de vereniging' });
    expect(web.pageErrors).toEqual([]);
  });
  it('starts a second case for someone we know, found by name, on a wide screen with the columns', async () => {
    const wide = await signedInStaffPage(web, { viewport: { width: 1280, height: 900 } });
    await wide.goto('/staff/picnik/new');
    await wide.getByLabel('Zoek op naam of telefoon').fill('Jawad');
    await wide.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await wide.getByRole('button', { name: 'Jawad kiezen' }).click();
    await wide.getByText('Gekozen: Jawad').waitFor();
    expect(await axeViolations(wide)).toEqual([]);
    await choose(wide, wide, /Soort traject/, 'Stage');
    await choose(wide, wide, /Doorverwezen via/, 'CVO');
    await wide.getByRole('button', { name: 'Traject maken' }).click();
    await wide.getByRole('heading', { name: 'Traject van Jawad', level: 1 }).waitFor();
    const [{ count }] = await web.api.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM trajectory t JOIN participant p ON p.id = t.participant_id WHERE p.first_name = 'Jawad'`,
    );
    expect(count).toBe(2);
    await wide.goto('/staff/picnik');
    await wide
      .getByRole('region', { name: /^Intake/ })
      .getByRole('article', { name: 'Jawad' })
      .waitFor();
    const columns = await wide.locator('.cases__column').evaluateAll((sections) => sections.map((section) => Math.round(section.getBoundingClientRect().top)));
    expect(new Set(columns).size).toBe(1);
    expect(await axeViolations(wide)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });
});
