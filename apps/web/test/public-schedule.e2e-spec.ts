import type { Page } from 'playwright-core';
import { CREATE_SESSION } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { runAxe } from './page-checks';
import { withPublicScheduleWeb } from './public-fixtures';

/** The public schedule and a session's page in real headless Chromium, served by the API. */
describe('public web app', () => {
  const context = withPublicScheduleWeb();

  const cardTitles = (page: Page) => page.locator('.session-card__title').allInnerTexts();
  const card = (page: Page, title: string) => page.locator('.session-card', { has: page.getByRole('link', { name: title, exact: true }) });
  /** The filters fold on a phone: the disclosure button opens them. */
  const filtersButton = (page: Page) => page.getByRole('button', { name: /^Zoeken/ });
  const openFilters = async (page: Page) => {
    if ((await filtersButton(page).getAttribute('aria-expanded')) !== 'true') await filtersButton(page).click();
  };

  it('lists this week and next with free seats, and filters by programme and day without asking the API again', async () => {
    const page = await context.web.newPage();
    const graphqlRequests: string[] = [];
    const methods: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname !== '/graphql') return;
      methods.push(request.method());
      // A GET by persisted id (cacheable by the API and proxies) carries its variables in the address.
      graphqlRequests.push(request.postData() ?? url.searchParams.get('variables') ?? '');
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Nederlands oefenen in Kortrijk' }).waitFor();
    await page.locator('.session-card').first().waitFor();

    // In start order; the session of this morning and the one after next week are not there.
    expect(await cardTitles(page)).toEqual(['Praattafel Overleie', 'Schoolbabbel De Vlieger', 'Schoolbabbel Sint-Jan']);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Zoeken', 'Deze week', 'Volgende week']);
    expect(await page.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['woensdag 9 september', 'donderdag 10 september', 'dinsdag 15 september']);
    await expect(card(page, 'Praattafel Overleie').locator('.seats').innerText()).resolves.toBe('Nog 8 plaatsen vrij');
    await expect(card(page, 'Praattafel Overleie').locator('time').innerText()).resolves.toBe('19:00–20:30');
    await expect(card(page, 'Schoolbabbel De Vlieger').locator('.seats').innerText()).resolves.toBe('Volzet · 1 persoon op de wachtlijst');
    await expect(card(page, 'Schoolbabbel Sint-Jan').locator('.seats').innerText()).resolves.toBe('Nog 12 plaatsen vrij');
    await expect(page.getByRole('status').innerText()).resolves.toBe('3 momenten');
    await context.web.screenshot(page, 'schedule-nl');

    await openFilters(page);
    await page.getByLabel('Soort').selectOption({ label: 'Schoolbabbel' });
    expect(await cardTitles(page)).toEqual(['Schoolbabbel De Vlieger', 'Schoolbabbel Sint-Jan']);
    await page.getByLabel('Dag', { exact: true }).selectOption({ label: 'dinsdag 15 september' });
    expect(await cardTitles(page)).toEqual(['Schoolbabbel Sint-Jan']);
    await expect(page.getByRole('status').innerText()).resolves.toBe('1 moment');
    expect(new URL(page.url()).searchParams.get('programme')).toBe(context.seeded.world.schoolbabbelId);
    expect(new URL(page.url()).searchParams.get('day')).toBe('2026-09-15');
    // A filtered address opens the same view (it can be shared).
    await page.reload();
    await page.locator('.session-card').first().waitFor();
    expect(await cardTitles(page)).toEqual(['Schoolbabbel Sint-Jan']);

    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await openFilters(page);
    await page.getByLabel('Waar').selectOption({ label: 'Wijkcentrum Overleie' });
    expect(await cardTitles(page)).toEqual(['Praattafel Overleie']);
    await page.getByLabel('Waar').selectOption({ label: 'Overal' });
    await page.getByLabel('Taal', { exact: true }).selectOption({ label: 'العربية' });
    expect(await cardTitles(page)).toEqual(['Praattafel Overleie']);

    // One query per page view (twice: the first view and the reload); filtering is local.
    expect(graphqlRequests).toHaveLength(2);
    expect(methods).toEqual(['GET', 'GET']);
    expect(graphqlRequests[0]).toContain('"from":"2026-09-09T08:00:00.000Z"');
    expect(graphqlRequests[0]).toContain('"to":"2026-09-20T22:00:00.000Z"');
  });

  it('switches to Arabic: right to left, Arabic text, mirrored layout, and keeps the choice', async () => {
    const page = await context.web.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    const positions = () =>
      page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const card = document.querySelector('.session-card')!;
        return {
          siteName: box('.site-name').left,
          switcher: box('#language').left,
          accentRight: getComputedStyle(card).borderRightWidth,
          accentLeft: getComputedStyle(card).borderLeftWidth,
        };
      });
    const ltr = await positions();
    expect(ltr.siteName).toBeLessThan(ltr.switcher);
    expect(ltr.accentLeft).toBe('6px');

    await page.getByLabel('Taal van de website').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'تدرّب على اللغة الهولندية في كورتريك' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['بحث', 'هذا الأسبوع', 'الأسبوع القادم']);
    await expect(card(page, 'Praattafel Overleie').locator('.seats').innerText()).resolves.toBe('8 أماكن شاغرة');
    await expect(card(page, 'Schoolbabbel De Vlieger').locator('.seats').innerText()).resolves.toBe('مكتمل، شخص واحد في قائمة الانتظار');
    await expect(page.title()).resolves.toBe('تدرّب على اللغة الهولندية في كورتريك – Oefenkansen Kortrijk');
    // Mirrored: the site name now stands right of the language switcher, the cards' accent on their right.
    const rtl = await positions();
    expect(rtl.siteName).toBeGreaterThan(rtl.switcher);
    expect(rtl.accentRight).toBe('6px');
    expect(rtl.accentLeft).toBe('1px');
    await context.web.screenshot(page, 'schedule-ar');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'تدرّب على اللغة الهولندية في كورتريك' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, localStorage.getItem('oefenkansen.language')])).toEqual([
      'ar',
      'rtl',
      'ar',
    ]);
  });

  it("shows a session's page in Brussels time, whatever the device's time zone", async () => {
    const page = await context.web.newPage({ timezoneId: 'Asia/Kabul' });
    await page.goto('/');
    await page.getByRole('link', { name: 'Praattafel Overleie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Praattafel Overleie' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sessions/${context.seeded.praattafelId}`);
    // 19:00 in Brussels is 21:30 in Kabul: the page shows Brussels.
    await expect(page.locator('.facts time').innerText()).resolves.toBe('woensdag 9 september, 19:00–20:30');
    await expect(page.getByText('(Belgische tijd)').isVisible()).resolves.toBe(true);
    await expect(page.locator('.facts').innerText()).resolves.toContain('Wijkcentrum Overleie');
    await expect(page.locator('.facts').innerText()).resolves.toContain('Zaal Overleiestraat 1, 8500 Kortrijk');
    await expect(page.locator('.facts').innerText()).resolves.toContain('8 van de 10 plaatsen zijn vrij.');
    await expect(page.title()).resolves.toBe('Praattafel Overleie – Oefenkansen Kortrijk');
    // After the client-side navigation, focus is on the new content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.web.screenshot(page, 'session-nl');

    await page.goto(`/sessions/${context.seeded.fullSchoolbabbelId}`);
    await page.getByRole('heading', { level: 1, name: 'Schoolbabbel De Vlieger' }).waitFor();
    await expect(page.locator('.facts time').innerText()).resolves.toBe('donderdag 10 september, 08:45–10:15');
    await expect(page.locator('.facts').innerText()).resolves.toContain('Volzet · 1 persoon op de wachtlijst');
    await expect(page.locator('.facts').innerText()).resolves.toContain('Alle plaatsen zijn bezet.');
    await context.web.screenshot(page, 'session-full-nl');

    await page.goto('/sessions/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await expect(page.getByText('Dit moment bestaat niet (meer).').isVisible()).resolves.toBe(true);
  });

  it('on a phone, sessions come first: the filters fold behind a button that counts them', async () => {
    const page = await context.web.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    // The first session card lies wholly inside the first screen, without scrolling.
    const first = (await page.locator('.session-card').first().boundingBox())!;
    expect(first.y).toBeGreaterThan(0);
    expect(first.y + first.height).toBeLessThanOrEqual(844);
    await expect(page.getByLabel('Soort').isVisible()).resolves.toBe(false);
    await expect(filtersButton(page).getAttribute('aria-expanded')).resolves.toBe('false');
    expect((await runAxe(page)).violations).toEqual([]);
    await context.web.screenshot(page, 'schedule-phone-folded');

    // From the keyboard: the button opens the filters; its name says how many are on.
    await filtersButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(filtersButton(page).getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByLabel('Waar').selectOption({ label: 'Wijkcentrum Overleie' });
    await page.getByLabel('Dag', { exact: true }).selectOption({ label: 'woensdag 9 september' });
    // The accessible name, as a screen reader reads it.
    await expect(page.getByRole('button', { name: 'Zoeken 2 keuzes', exact: true }).count()).resolves.toBe(1);
    expect(await cardTitles(page)).toEqual(['Praattafel Overleie']);
    expect((await runAxe(page)).violations).toEqual([]);
    await filtersButton(page).click();
    await expect(page.getByLabel('Waar').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Zoeken 2 keuzes' }).isVisible()).resolves.toBe(true);

    // On a wide screen the filters are open from the start.
    const wide = await context.web.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto('/');
    await wide.locator('.session-card').first().waitFor();
    await expect(wide.getByLabel('Soort').isVisible()).resolves.toBe(true);
  });

  it('offers the languages hosts help in, and filters by them', async () => {
    const page = await context.web.newPage();
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    await openFilters(page);
    const options = await page.getByLabel('Taal', { exact: true }).locator('option').allInnerTexts();
    expect(options[0]).toBe('Alle talen');
    // The programme's Arabic and the volunteer host's Turkish, Dari and Pashto; Dutch is no help language.
    expect([...options.slice(1)].sort()).toEqual(['Türkçe', 'العربية', 'دری', 'پښتو'].sort());
    await page.getByLabel('Taal', { exact: true }).selectOption({ label: 'دری' });
    expect(await cardTitles(page)).toEqual(['Schoolbabbel Sint-Jan']);
    await expect(card(page, 'Schoolbabbel Sint-Jan').locator('.session-card__languages').innerText()).resolves.toBe('Iemand helpt in: Türkçe, دری en پښتو');
    await page.getByLabel('Taal', { exact: true }).selectOption({ label: 'Türkçe' });
    expect(await cardTitles(page)).toEqual(['Schoolbabbel Sint-Jan']);
    expect(new URL(page.url()).searchParams.get('language')).toBe('tr');
  });

  it("opens in the browser's language on a first visit, and keeps the reader's own choice after", async () => {
    const page = await context.web.newPage({ locale: 'ar-EG' });
    expect(await page.evaluate(() => navigator.languages[0])).toBe('ar-EG');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'تدرّب على اللغة الهولندية في كورتريك' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    // The seat badge and the dates without a middle dot or a Latin comma.
    await expect(card(page, 'Schoolbabbel De Vlieger').locator('.seats').innerText()).resolves.not.toMatch(/[·,]/);

    await page.getByLabel(/Language/).selectOption('nl');
    await page.getByRole('heading', { level: 1, name: 'Nederlands oefenen in Kortrijk' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Nederlands oefenen in Kortrijk' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['nl', 'ltr']);
  });

  it('shows a cancelled session crossed out, in words and without registering, until it would have ended', async () => {
    const { api } = context.web;
    const { world } = context.seeded;
    const admin = world.tokens.admin;
    api.clock.set(new Date('2026-09-01T08:00:00Z'));
    const id = dataOf(
      await api.gql<{ createSession: { id: string } }>(
        CREATE_SESSION,
        {
          i: {
            programmeId: world.praattafelId,
            venueId: world.centreVenueId,
            title: 'Praattafel afgelast',
            startsAt: '2026-09-10T19:00:00+02:00',
            endsAt: '2026-09-10T20:30:00+02:00',
          },
        },
        admin,
      ),
    ).createSession.id;
    dataOf(await api.gql('mutation($id: ID!, $r: String) { cancelSession(id: $id, reason: $r) { id } }', { id, r: 'De begeleider is ziek.' }, admin));

    const page = await context.web.newPage();
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    const cancelled = card(page, 'Praattafel afgelast');
    await expect(cancelled.locator('.seats').innerText()).resolves.toBe('Gaat niet door');
    await expect(cancelled.locator('.session-card__title').evaluate((title) => getComputedStyle(title).textDecorationLine)).resolves.toBe('line-through');
    await expect(
      card(page, 'Praattafel Overleie')
        .locator('.session-card__title')
        .evaluate((title) => getComputedStyle(title).textDecorationLine),
    ).resolves.toBe('none');
    expect((await runAxe(page)).violations).toEqual([]);
    await context.web.screenshot(page, 'schedule-cancelled');

    await page.getByRole('link', { name: 'Praattafel afgelast' }).click();
    await page.getByRole('heading', { level: 1, name: 'Praattafel afgelast' }).waitFor();
    await expect(page.getByRole('note').innerText()).resolves.toContain('Gaat niet door');
    await expect(page.getByRole('note').innerText()).resolves.toContain('Reden: De begeleider is ziek.');
    await expect(page.locator('.facts time').evaluate((time) => getComputedStyle(time).textDecorationLine)).resolves.toBe('line-through');
    await expect(page.getByRole('link', { name: 'Inschrijven' }).count()).resolves.toBe(0);
    await expect(page.goto(`/sessions/${id}/register`).then(() => page.getByRole('button', { name: /inschrijven/i }).count())).resolves.toBe(0);

    // Once it would have ended (Thursday 20:30), it is gone from the schedule.
    const later = await context.web.newPage();
    await later.clock.setFixedTime(new Date('2026-09-10T18:31:00Z'));
    await later.goto('/');
    await later.locator('.session-card').first().waitFor();
    expect(await cardTitles(later)).toEqual(['Schoolbabbel Sint-Jan']);
  });
});
