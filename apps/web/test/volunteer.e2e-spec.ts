import type { Page } from 'playwright-core';
import { createWorld, type World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { ADD_ABSENCE, brussels, createShift, createVolunteers, SAVE_PROFILE, SIGN_UP } from '../../api/test/volunteer-fixtures';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';

/** Tuesday 1 September 2026, 10:00 in Brussels. */
const NOW = new Date('2026-09-01T08:00:00Z');
const PHONE = { width: 390, height: 844 };

const MY_SHIFTS = 'query { myShifts { status shift { id } } }';
type MyShifts = { myShifts: { status: string; shift: { id: string } }[] };

/** A volunteer on a phone: the open shifts that fit them, signing up (and being refused), their shifts, their calendar feed. */
describe('volunteer page', () => {
  let web: WebTest;
  let world: World;
  let welcomeId: string;
  let soupId: string;

  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    web.api.clock.set(NOW);
    world = await createWorld(web.api);
    // Weekend mornings, Dutch and Arabic, welcoming and cooking.
    dataOf(
      await web.api.gql(
        SAVE_PROFILE,
        {
          v: world.userIds.volunteer,
          i: { languages: ['nl', 'ar'], skills: ['WELCOME', 'COOKING'], availableWeekdays: [6, 7], availableDayparts: ['MORNING'] },
        },
        world.tokens.volunteer,
      ),
    );
    const shift = async (title: string, role: string, day: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
      (await createShift(web.api, world, { title, role, startsAt: brussels(day, from), endsAt: brussels(day, to), ...extra })).id;
    welcomeId = await shift('Onthaal Praattafel', 'WELCOME', '2026-09-05', '10:00', '12:00', { needed: 1, languages: ['ar'] });
    soupId = await shift('Soep koken voor het buurtfeest', 'COOKING', '2026-09-06', '09:00', '11:30', { needed: 2 });
    // Shifts that do not fit: another skill, a weekday, an evening.
    await shift('Kinderopvang', 'CHILDCARE', '2026-09-05', '09:00', '11:00');
    await shift('Onthaal in de week', 'WELCOME', '2026-09-02', '10:00', '12:00');
    await shift('Onthaal avond', 'WELCOME', '2026-09-05', '19:00', '21:00');
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  const myShifts = async () =>
    dataOf(await web.api.gql<MyShifts>(MY_SHIFTS, {}, world.tokens.volunteer)).myShifts.map((assignment) => [assignment.shift.id, assignment.status]);
  const headings = (page: Page, list: string) => page.locator(`.shifts--${list} h3`).allInnerTexts();
  const card = (page: Page, heading: string) => page.locator('.shift-card').filter({ has: page.getByRole('heading', { name: heading }) });

  it('a volunteer signs up for an open shift', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto('/login');
    await signIn(page, 'volunteer@test.oefenkansen.be');

    // After signing in, a volunteer lands on their page: only the shifts that fit them.
    await page.getByRole('heading', { level: 1, name: 'Mijn vrijwilligerswerk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/volunteer');
    await expect(page.title()).resolves.toBe('Mijn vrijwilligerswerk – Oefenkansen Kortrijk');
    await page.getByRole('navigation').getByRole('link', { name: 'Mijn vrijwilligerswerk' }).waitFor();
    await page.locator('.shift-card').first().waitFor();
    expect(await headings(page, 'open')).toEqual(['zaterdag 5 september, 10:00–12:00', 'zondag 6 september, 09:00–11:30']);
    const welcome = card(page, 'zaterdag 5 september, 10:00–12:00');
    // What, which job, how many places and the language it asks for, named in Dutch.
    await expect(welcome.locator('p').allInnerTexts()).resolves.toEqual([
      'Onthaal Praattafel',
      'Onthaal',
      'Nog 1 plaats vrij',
      'Handig als je deze taal spreekt: Arabisch',
    ]);
    await expect(card(page, 'zondag 6 september, 09:00–11:30').locator('p').allInnerTexts()).resolves.toEqual([
      'Soep koken voor het buurtfeest',
      'Koken',
      'Nog 2 plaatsen vrij',
    ]);
    await page.getByText('Je hebt nog geen shifts.').waitFor();
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'volunteer-open-shifts');

    // Someone else takes the last place while the page is open: the tap is refused, clearly.
    const [sara] = await createVolunteers(web.api, world, ['Sara Peeters']);
    dataOf(await web.api.gql(SIGN_UP, { s: welcomeId }, sara.token));
    await welcome.getByRole('button', { name: 'Ik doe mee' }).click();
    await page.getByRole('alert').getByText('Deze shift is net volzet. Iemand anders was je voor. Kies een andere shift.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.shifts--open .shift-card').length === 1);
    expect(await headings(page, 'open')).toEqual(['zondag 6 september, 09:00–11:30']);
    await web.screenshot(page, 'volunteer-shift-full');

    await card(page, 'zondag 6 september, 09:00–11:30').getByRole('button', { name: 'Ik doe mee' }).click();
    await page.getByRole('status').getByText('Je doet mee: Soep koken voor het buurtfeest. Je ziet de shift nu bij Mijn shifts.').waitFor();
    await page.locator('.shifts--mine .shift-card').waitFor();
    expect(await headings(page, 'mine')).toEqual(['zondag 6 september, 09:00–11:30']);
    await page.getByText('Er zijn nu geen open shifts die bij jou passen. Kijk later nog eens.').waitFor();
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'volunteer-signed-up');
    // The API holds what the phone shows: the soup shift is theirs, the welcome shift Sara's.
    await expect(myShifts()).resolves.toEqual([[soupId, 'ASSIGNED']]);

    // The calendar feed: a secret link, shown once, that calendar apps fetch.
    await page.getByText('Deze link is geheim. Wie de link heeft, ziet jouw shifts. Geef hem aan niemand.').waitFor();
    await page.getByRole('button', { name: 'Maak mijn agenda-link' }).click();
    const field = page.getByLabel('Jouw agenda-link');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${web.api.baseUrl}/calendar/[A-Za-z0-9_-]{20,64}\\.ics$`));
    await expect(page.getByRole('link', { name: 'Open in mijn agenda' }).getAttribute('href')).resolves.toBe(url.replace(/^http:/, 'webcal:'));
    await page.getByRole('button', { name: 'Maak een nieuwe agenda-link' }).waitFor();
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'volunteer-calendar-feed');
    const feed = await fetch(url);
    expect([feed.status, feed.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8']);
    const calendar = await feed.text();
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar.match(/^SUMMARY:.*$/gm)).toEqual(['SUMMARY:Soep koken voor het buurtfeest']);
  });

  it('a volunteer gives a shift back, and is told when they are away', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto(`/login?next=${encodeURIComponent('/volunteer')}`);
    await signIn(page, 'volunteer@test.oefenkansen.be');
    await page.locator('.shifts--mine .shift-card').waitFor();
    // The feed exists already: a new link would stop the old one, and the page says so.
    await page.getByText('Je hebt al een agenda-link. Maak je een nieuwe? Dan werkt de oude link niet meer.').waitFor();

    await page.getByRole('button', { name: 'Ik kan toch niet' }).click();
    await page.getByRole('status').getByText('Je doet niet meer mee: Soep koken voor het buurtfeest. De plaats is weer vrij voor iemand anders.').waitFor();
    await page.getByText('Je hebt nog geen shifts.').waitFor();
    expect(await headings(page, 'open')).toEqual(['zondag 6 september, 09:00–11:30']);
    await expect(myShifts()).resolves.toEqual([]);

    // Away that Sunday (entered elsewhere while the page is open): signing up is refused, clearly.
    dataOf(await web.api.gql(ADD_ABSENCE, { v: world.userIds.volunteer, i: { startsOn: '2026-09-06', endsOn: '2026-09-06' } }, world.tokens.volunteer));
    await page.getByRole('button', { name: 'Ik doe mee' }).click();
    await page.getByRole('alert').getByText('Je kunt deze shift niet nemen. Je hebt dan al een shift, of je bent dan weg.').waitFor();
    await page.getByText('Er zijn nu geen open shifts die bij jou passen. Kijk later nog eens.').waitFor();
    await expect(myShifts()).resolves.toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'volunteer-unavailable');
  });
});
