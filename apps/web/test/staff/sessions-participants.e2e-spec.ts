import { createWorld, type World } from '../../../api/test/fixtures';
import { tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { apiRegister, apiSession, pageScrollsSideways, type SessionSetup } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

/** Participants: search by name or phone, their history, contact details and consent. */
describe('staff participants', () => {
  let web: WebTest;
  let world: World;
  let setup: SessionSetup;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    setup = { api: web.api, world };
  });
  afterAll(() => web?.close());

  it('finds a participant by phone, shows their registrations, edits contact details and consent; bad input changes nothing', async () => {
    const first = await apiSession(setup, { title: 'Praattafel een' });
    const second = await apiSession(setup, { title: 'Praattafel twee', startsAt: '2026-09-22T19:00:00+02:00', endsAt: '2026-09-22T20:30:00+02:00' });
    const amina = await apiRegister(setup, first, { firstName: 'Amina', lastName: 'Haddad', phone: '0470 11 22 33' });
    await apiRegister(setup, second, { participantId: amina.participant.id });
    await apiRegister(setup, first, { firstName: 'Olena', lastName: 'Koval' });

    const page = await signedInStaffPage(web);
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Deelnemers' }).click();
    await page.getByRole('heading', { name: 'Deelnemers', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Zoek op naam of telefoon').fill('0470 11 22');
    await page.getByLabel('Zoek op naam of telefoon').press('Enter');
    await page.getByText('(1 rij)').waitFor();
    await page.getByRole('link', { name: 'Amina Haddad' }).click();
    await page.getByRole('heading', { name: 'Amina Haddad', level: 1 }).waitFor();
    await page.getByText('2 inschrijvingen, 0 keer aanwezig, 0 keer niet gekomen.').waitFor();
    await page.getByRole('link', { name: /Praattafel twee/ }).waitFor();
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Contactgegevens wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, ['participant']);
    await dialog.getByLabel('Telefoon').fill('12');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul een geldig telefoonnummer in').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['participant'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // SMS without consent: the browser lets it through, the API refuses at the channel.
    await dialog.getByLabel('Telefoon').fill('0470 99 88 77');
    await dialog.getByRole('button', { name: /Berichten via/ }).click();
    await page.getByRole('option', { name: 'sms' }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await dialog.locator('.field[data-invalid]').allTextContents()).toEqual([expect.stringMatching(/^Berichten via.*Dit klopt niet/)]);
    expect(await tableSnapshot(web.api.dataSource, ['participant'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /Berichten via/ }).click();
    await page.getByRole('option', { name: 'geen berichten' }).click();
    await dialog.getByRole('button', { name: /Taal/ }).click();
    await page.getByRole('option', { name: 'Arabisch' }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('+32470998877').waitFor();

    await page.getByRole('button', { name: 'Toestemming noteren' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Toestemming noteren' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Ja, wil berichten krijgen').waitFor();
    const [row] = await web.api.dataSource.query<{ phone: string; preferred_language: string; contact_channel: string; consent_to_contact: boolean }[]>(
      `SELECT phone, preferred_language, contact_channel, consent_to_contact FROM participant WHERE id = $1`,
      [amina.participant.id],
    );
    expect(row).toEqual({ phone: '+32470998877', preferred_language: 'ar', contact_channel: 'NONE', consent_to_contact: true });
    expect(web.pageErrors).toEqual([]);
  });
});
