import { codeSentFor } from '../../api/test/self-registration-fixtures';
import { dataOf } from '../../api/test/test-api';
import type { WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';
import { withPublicScheduleWeb } from './public-fixtures';

/** The code request the browser just made, by the phone it was made for. */
async function lastRequestOf(web: WebTest, phone: string): Promise<string> {
  const [row] = await web.api.dataSource.query<{ id: string }[]>(`SELECT id FROM registration_code_request WHERE phone = $1 ORDER BY created_at DESC LIMIT 1`, [
    phone,
  ]);
  if (!row) throw new Error(`no code request for ${phone}`);
  return row.id;
}

/** A newcomer without an account registers from a session's page: first name, phone, the SMS code. */
describe('newcomer self-registration', () => {
  const context = withPublicScheduleWeb();

  it('registers with a first name and a phone number, confirmed by the code from the SMS', async () => {
    const page = await context.web.newPage();
    await page.goto(`/sessions/${context.seeded.praattafelId}`);
    await page.getByRole('link', { name: 'Inschrijven voor deze sessie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inschrijven' }).waitFor();
    await expect(page.title()).resolves.toBe('Inschrijven: Praattafel Overleie – Oefenkansen Kortrijk');
    // The SMS language starts as the page's language.
    await expect(page.getByLabel('Taal voor de sms').inputValue()).resolves.toBe('nl');
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await context.web.screenshot(page, 'newcomer-details');

    await page.getByLabel('Voornaam').fill('Samira');
    await page.getByLabel('Telefoonnummer (gsm)').fill('0470 55 66 77');
    await page.getByLabel('Taal voor de sms').selectOption('ar');
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByText('Wij stuurden een code via sms naar 0470 55 66 77. De code werkt 10 minuten.').waitFor();
    // The code form takes the focus's place in the flow: the status region is focused and announced.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('status');

    const requestId = await lastRequestOf(context.web, '+32470556677');
    const code = await codeSentFor(context.web.api, requestId);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Code uit de sms (6 cijfers)').fill(wrong);
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByText('De code is niet juist. Je kunt nog 4 keer proberen.').waitFor();
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await context.web.screenshot(page, 'newcomer-code');

    await page.getByLabel('Code uit de sms (6 cijfers)').fill(code);
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByText('Je bent ingeschreven, Samira! Je krijgt een sms met alle informatie.').waitFor();
    await context.web.screenshot(page, 'newcomer-registered');

    // The registration exists in the API: a participant reached by SMS in Arabic, with a seat.
    const session = dataOf(
      await context.web.api.gql<{
        session: {
          registrations: {
            status: string;
            participant: { firstName: string; phone: string; preferredLanguage: string; contactChannel: string; consentToContact: boolean };
          }[];
        };
      }>(
        'query($id: ID!) { session(id: $id) { registrations { status participant { firstName phone preferredLanguage contactChannel consentToContact } } } }',
        { id: context.seeded.praattafelId },
        context.seeded.world.tokens.admin,
      ),
    ).session;
    expect(session.registrations.filter((registration) => registration.participant.firstName === 'Samira')).toEqual([
      {
        status: 'CONFIRMED',
        participant: { firstName: 'Samira', phone: '+32470556677', preferredLanguage: 'ar', contactChannel: 'SMS', consentToContact: true },
      },
    ]);
  });

  it('a full session puts the newcomer on the waiting list and shows their place', async () => {
    const page = await context.web.newPage();
    await page.goto(`/sessions/${context.seeded.fullSchoolbabbelId}/register`);
    await page.getByLabel('Voornaam').fill('Olena');
    await page.getByLabel('Telefoonnummer (gsm)').fill('+32 471 22 33 44');
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByLabel('Code uit de sms (6 cijfers)').waitFor();
    const code = await codeSentFor(context.web.api, await lastRequestOf(context.web, '+32471223344'));
    await page.getByLabel('Code uit de sms (6 cijfers)').fill(code);
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByText('De sessie is vol. Je staat op de wachtlijst: nummer 2. We sturen een sms als er plaats is.').waitFor();
  });
});
