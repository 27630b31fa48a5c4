import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Locator, Page } from 'playwright-core';
import { Clock } from '@app/common';
import { NotificationDispatcher } from '@app/messaging';
import { startSmsGateway, startSmtpCapture, waitFor } from '@app/testing';
import { BOOK_STAND, bookingInput, createFestival } from '../../../api/test/festival-fixtures';
import { CREATE_SERIES, createWorld, type World } from '../../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../../api/test/test-api';
import { WorkerModule } from '../../../worker/src/worker.module';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { pageScrollsSideways, tabTo } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const REGISTER_FOR_SERIES = `mutation($i: RegisterParticipantForSeriesInput!) { registerParticipantForSeries(input: $i) { id participant { id } } }`;
const BROADCAST = `mutation($i: BroadcastMessageInput!) { broadcastMessage(input: $i) { id smsCount emailCount } }`;
const TABLES = ['notification', 'broadcast', 'delivery_attempt'];
const PHONE = '+32470123456';
const EMAIL = 'claire.broadcast@example.org';
const DUTCH = 'Neem morgen een pen en je agenda mee.';
const FRENCH = 'Apportez demain un stylo et votre agenda.';
const ARABIC_NOTE = 'هذه الرسالة باللغة الهولندية.';

/** The React Aria select labelled `label`: open it, pick an option. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope
    .locator('.field')
    .filter({ has: page.getByText(label, { exact: true }) })
    .getByRole('button')
    .click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}

/**
 * The messages desk in Chromium against the API in production mode, delivering through the real
 * worker: SMTP to a capture server and SMS to the local gateway.
 */
describe('staff messages: outbox, previews and broadcasts', () => {
  let web: WebTest;
  let page: Page;
  let world: World;
  let worker: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let seriesId: string;
  let firstSessionId: string;

  const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => web.api.dataSource.query<T[]>(query, params);
  /** Dispatches (the worker's queue delivers in the background) until `done` holds. */
  const deliverUntil = (what: string, done: () => Promise<boolean> | boolean) =>
    waitFor(
      async () => {
        if (await done()) return true;
        await worker.get(NotificationDispatcher).dispatchDue();
        return undefined;
      },
      what,
      20_000,
      250,
    );
  const statusOf = async (id: string) => (await sql<{ status: string }>(`SELECT status FROM notification WHERE id = $1`, [id]))[0].status;
  const pendingDue = async () => (await sql(`SELECT 1 FROM notification WHERE status = 'PENDING' AND due_at <= $1`, [web.api.clock.now()])).length;
  const snapshot = () => tableSnapshot(web.api.dataSource, TABLES);

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    smtp = await startSmtpCapture();
    sms = await startSmsGateway();
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot({ ...web.api.config, smtpUrl: smtp.url, smsGatewayUrl: sms.url })],
    })
      .overrideProvider(Clock)
      .useValue(web.api.clock)
      .compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();

    const coordinator = (query: string, variables: Record<string, unknown>) => web.api.gql(query, variables, world.tokens.coordinator).then(dataOf);
    const series = (
      await coordinator(CREATE_SERIES, {
        i: {
          programmeId: world.praattafelId,
          venueId: world.centreVenueId,
          title: 'Praattafel Leie',
          rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
          firstStartsAt: '2026-09-15T19:00:00+02:00',
          durationMinutes: 90,
        },
      })
    ).createSessionSeries;
    seriesId = series.id;
    firstSessionId = series.sessions[0].id;
    // Both hold a place at every session of the series: the broadcast must still reach each once.
    for (const participant of [
      { firstName: 'Amina', phone: PHONE, preferredLanguage: 'ar', contactChannel: 'SMS', consentToContact: true },
      { firstName: 'Claire', email: EMAIL, preferredLanguage: 'fr', contactChannel: 'EMAIL', consentToContact: true },
      { firstName: 'Noor', preferredLanguage: 'ps', contactChannel: 'VIA_ORGANISATION', consentToContact: true },
    ]) {
      await coordinator(REGISTER_FOR_SERIES, { i: { seriesId, participant } });
    }
    // The registration confirmations leave first, so the tables stand still while the tests compare them.
    await deliverUntil('the confirmations delivered', async () => (await pendingDue()) === 0);
    page = await signedInStaffPage(web);
  });
  // CSP refusals, console errors and uncaught exceptions on any page of the desk.
  afterEach(() => expect(web.pageErrors).toEqual([]));
  afterAll(async () => {
    await worker?.close();
    await smtp?.stop();
    await sms?.stop();
    await web?.close();
  });

  it('refuses bad input at its field and changes nothing; the API refuses an SMS that is too long, at the Dutch text', async () => {
    await page.goto('/staff/messages/broadcast');
    await page.getByRole('heading', { name: 'Bericht aan een groep', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    const before = await snapshot();
    await page.getByRole('button', { name: 'Bekijk wie het krijgt' }).click();
    await page.locator('.field').filter({ hasText: 'Aan wie?' }).getByText('Maak een keuze.').waitFor();
    await page.locator('.field').filter({ hasText: 'Tekst in het Nederlands' }).getByText('Vul dit in.').waitFor();
    await choose(page, page, 'Aan wie?', 'Een reeks');
    await page.getByRole('button', { name: 'Bekijk wie het krijgt' }).click();
    await page.locator('.field').filter({ hasText: 'Programma' }).getByText('Maak een keuze.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await snapshot()).toEqual(before);

    // 150 letters pass the browser (at most 1000), but with the Arabic line they take 3 SMS parts.
    const long = `${'Beste deelnemer, '.repeat(8)}tot morgen.`;
    await choose(page, page, 'Programma', 'Praattafel');
    await choose(page, page, 'Reeks', 'Praattafel Leie (3 sessies)');
    await page.getByLabel('Tekst in het Nederlands').fill(long);
    await page.getByRole('button', { name: 'Bekijk wie het krijgt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Te lang voor sms').waitFor();
    await dialog.getByRole('button', { name: 'Versturen' }).click();
    const textField = page.locator('.field').filter({ hasText: 'Tekst in het Nederlands' });
    await textField.getByText('Deze tekst past niet in 2 sms-delen. Maak hem korter of geef een vertaling.').waitFor();
    expect(await page.getByLabel('Tekst in het Nederlands').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Tekst in het Nederlands').inputValue()).toBe(long);
    expect(await axeViolations(page)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('broadcasts to a series: the Arabic SMS reader and the French mail reader each get it exactly once, however often it is sent', async () => {
    await page.getByLabel('Tekst in het Nederlands').fill(DUTCH);
    await page.getByText('Vertalingen (niet verplicht)').click();
    await page.getByLabel('Français').fill(FRENCH);
    expect(
      await page
        .locator('[lang="ar"]')
        .filter({ has: page.getByLabel('العربية') })
        .getAttribute('dir'),
    ).toBe('rtl');
    await page.getByRole('button', { name: 'Bekijk wie het krijgt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('2 personen krijgen dit bericht.').waitFor();
    await dialog.getByText('1 deelnemer heeft geen eigen telefoon of e-mail of gaf geen toestemming.').waitFor();
    const smsRow = dialog.locator('tr[data-row-id="SMS-ar"]');
    expect(await smsRow.innerText()).toContain('Nederlands, met uitleg');
    expect(await dialog.locator('tr[data-row-id="EMAIL-fr"]').innerText()).toContain('Vertaling');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Versturen' }).dblclick();
    await page.getByRole('status').filter({ hasText: 'Verstuurd naar 2 personen.' }).waitFor();

    const [broadcast] = await sql<{ id: string; idempotency_key: string; sms_count: number; email_count: number }>(`SELECT * FROM broadcast`);
    expect([broadcast.sms_count, broadcast.email_count]).toEqual([1, 1]);
    const rows = () => sql<{ channel: string; language: string }>(`SELECT channel, language FROM notification WHERE kind = 'BROADCAST' ORDER BY channel`);
    expect(await rows()).toEqual([
      { channel: 'EMAIL', language: 'fr' },
      { channel: 'SMS', language: 'ar' },
    ]);

    // A retry of the same request (same key) writes nothing new and answers with the same broadcast.
    // The worker may be sending the rows meanwhile: compare the broadcasts and which rows exist, not their status.
    const written = () => Promise.all([tableSnapshot(web.api.dataSource, ['broadcast']), sql(`SELECT id FROM notification ORDER BY id`)]);
    const before = await written();
    const again = await web.api.gql(
      BROADCAST,
      { i: { audience: { seriesId }, text: DUTCH, translations: [{ language: 'fr', text: FRENCH }], idempotencyKey: broadcast.idempotency_key } },
      world.tokens.coordinator,
    );
    expect(dataOf(again).broadcastMessage.id).toBe(broadcast.id);
    expect(await written()).toEqual(before);

    await deliverUntil('every message due delivered', async () => (await pendingDue()) === 0);
    const texts = sms.messages.filter((message) => message.text.includes(DUTCH));
    expect(texts).toHaveLength(1);
    expect(texts[0].to).toBe(PHONE);
    expect(texts[0].text).toContain(ARABIC_NOTE);
    const mails = smtp.mails.filter((mail) => mail.to.includes(EMAIL) && mail.text.includes(FRENCH));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Message sur Praattafel Leie');
    expect(mails[0].text).not.toContain(DUTCH);

    await page
      .getByRole('table', { name: /Eerdere berichten aan een groep/ })
      .getByText(DUTCH)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a failed delivery with the gateway’s answer, and Resend sends it', async () => {
    // A second broadcast, to one session; the gateway is busy at its one attempt, and it is left FAILED.
    const text = 'De les van dinsdag begint om 19.30 uur.';
    dataOf(await web.api.gql(BROADCAST, { i: { audience: { sessionId: firstSessionId }, text, idempotencyKey: 'failed-one-1' } }, world.tokens.coordinator));
    const [row] = await sql<{ id: string }>(`SELECT n.id FROM notification n WHERE n.kind = 'BROADCAST' AND n.channel = 'SMS' AND n.session_id = $1`, [
      firstSessionId,
    ]);
    // Only this SMS is due now (everything else was delivered in the test before), so the gateway's one refusal is its.
    sms.failNext(1);
    const failedAttempt = async () =>
      (await sql<{ error: string }>(`SELECT error FROM delivery_attempt WHERE notification_id = $1 AND outcome = 'FAILED'`, [row.id]))[0];
    await deliverUntil('the gateway refusing the SMS', async () => !!(await failedAttempt()));
    const attempt = await failedAttempt();
    expect(attempt.error).toContain('503');
    await sql(`UPDATE notification SET status = 'FAILED', last_error = $2 WHERE id = $1`, [row.id, attempt.error]);

    await page.goto('/staff/messages/failed');
    await page.getByRole('heading', { name: 'Mislukte berichten', level: 1 }).waitFor();
    const tableRow = page.locator(`tr[data-row-id="${row.id}"]`);
    await tableRow.waitFor();
    expect(await tableRow.innerText()).toContain('Bericht aan een groep');
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    await tableRow.getByRole('button', { name: 'Details van bericht aan Amina' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('table', { name: 'Pogingen om te versturen' }).getByText(attempt.error).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Opnieuw versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het bericht staat weer in de wachtrij.' }).waitFor();
    expect(await statusOf(row.id)).toBe('PENDING');
    await page.keyboard.press('Escape');

    await deliverUntil('the resent SMS', async () => (await statusOf(row.id)) === 'SENT');
    expect(sms.messages.filter((message) => message.text.includes(text))).toHaveLength(1);
  });

  it('filters the outbox by kind, channel and language', async () => {
    await page.goto('/staff/messages');
    await page.getByRole('heading', { name: 'Alle berichten', level: 1 }).waitFor();
    await choose(page, page, 'Soort', 'Bericht aan een groep');
    await choose(page, page, 'Kanaal', 'Sms');
    await choose(page, page, 'Taal', 'العربية');
    const table = page.getByRole('table', { name: /Berichten, nieuwste eerst/ });
    await table.getByText('(2 rijen)').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
  });

  it('previews a message in Arabic from right to left, chosen with the keyboard only', async () => {
    await page.goto('/staff/messages/preview');
    await page.getByRole('heading', { name: 'Voorbeelden van berichten', level: 1 }).waitFor();
    const preview = page.getByTestId('message-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('lang')).toBe('nl');

    await page.getByRole('button', { name: /Taal/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').getByRole('option', { name: 'العربية' }).waitFor();
    // The list opens on the chosen option (Nederlands); Arabic is the fourth.
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Kanaal/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').getByRole('option', { name: 'Sms' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await page.waitForFunction(() => document.querySelector('[data-testid="message-preview"]')?.getAttribute('dir') === 'rtl');
    expect(await preview.getAttribute('lang')).toBe('ar');
    expect(await preview.innerText()).toMatch(/[\u0600-\u06FF]/);
    await page.getByText(/sms-del/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
  });

  it('opens from the festival pages with the edition chosen, and reaches its organisers', async () => {
    const festival = await createFestival(web.api, world);
    dataOf(await web.api.gql(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '11:00', '15:00') }, world.tokens.organiser));
    await page.goto(`/staff/messages/broadcast?festivalEditionId=${festival.editionId}`);
    await page.getByRole('heading', { name: 'Bericht aan een groep', level: 1 }).waitFor();
    const edition = page.locator('.field').filter({ has: page.getByText('Festival', { exact: true }) });
    await edition.getByRole('button', { name: /KortRIJK aan Culturen 2027/ }).waitFor();
    // Keyboard only from here: type, Tab to the button, Enter; in the dialog, Tab to Cancel and Space.
    await page.getByLabel('Tekst in het Nederlands').focus();
    await page.keyboard.type('De opbouw begint om 9 uur.');
    await tabTo(page, 'Bekijk wie het krijgt');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('1 persoon krijgt dit bericht.').waitFor();
    expect(await dialog.locator('tr[data-row-id="EMAIL-nl"]').innerText()).toContain('1');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'Annuleren', 10);
    await page.keyboard.press('Space');
    await dialog.waitFor({ state: 'detached' });
    expect(await pageScrollsSideways(page)).toBe(false);
  });
});
