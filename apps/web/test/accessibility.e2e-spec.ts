import type { Page } from 'playwright-core';
import { runAxe, unlabelledFields } from './page-checks';
import { withPublicScheduleWeb } from './public-fixtures';

/** Presses Tab and describes where focus landed and whether it shows (outline of 2px or more). */
async function tab(page: Page): Promise<{ id: string; visible: boolean }> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      id: element.id || element.className || element.textContent?.trim() || element.tagName,
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && box.bottom > 0 && box.top < innerHeight,
    };
  });
}

describe('web app basics: titles, labels, keyboard, contrast (axe-core WCAG 2.2 AA)', () => {
  const context = withPublicScheduleWeb();

  const pages = [
    { name: 'schedule', path: () => '/', ready: '.session-card', title: 'Nederlands oefenen in Kortrijk – Oefenkansen Kortrijk' },
    { name: 'session', path: () => `/sessions/${context.seeded.praattafelId}`, ready: '.facts', title: 'Praattafel Overleie – Oefenkansen Kortrijk' },
    {
      name: 'session-full',
      path: () => `/sessions/${context.seeded.fullSchoolbabbelId}`,
      ready: '.facts',
      title: 'Schoolbabbel De Vlieger – Oefenkansen Kortrijk',
    },
    { name: 'not-found', path: () => '/nergens', ready: 'h1', title: 'Pagina niet gevonden – Oefenkansen Kortrijk' },
    { name: 'login', path: () => '/login', ready: 'form', title: 'Aanmelden – Oefenkansen Kortrijk' },
    {
      name: 'newcomer-register',
      path: () => `/sessions/${context.seeded.praattafelId}/register`,
      ready: 'form',
      title: 'Inschrijven: Praattafel Overleie – Oefenkansen Kortrijk',
    },
  ];

  it.each(pages)('$name: its own title, every field labelled, no WCAG A/AA violation, contrast checked', async ({ name, path, ready, title }) => {
    const page = await context.web.newPage();
    await page.goto(path());
    await page.locator(ready).first().waitFor();
    await expect(page.title()).resolves.toBe(title);
    expect(await unlabelledFields(page)).toEqual([]);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['nl', 'ltr']);
    const axe = await runAxe(page);
    expect(axe.violations).toEqual([]);
    // The rules that matter here did run (fields only on the schedule and the login page).
    expect(axe.applied).toEqual(
      expect.arrayContaining([
        'bypass',
        'color-contrast',
        'document-title',
        'html-has-lang',
        'html-lang-valid',
        ...({ schedule: ['select-name'], login: ['label'] }[name] ?? []),
      ]),
    );
    await context.web.screenshot(page, `basics-${name}`);
  });

  it('the Arabic schedule passes the same checks, right to left', async () => {
    const page = await context.web.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    await page.getByLabel('Taal van de website').selectOption('ar');
    await page.getByRole('heading', { level: 2, name: 'بحث' }).waitFor();
    expect(await unlabelledFields(page)).toEqual([]);
    const axe = await runAxe(page);
    expect(axe.violations).toEqual([]);
    expect(axe.applied).toContain('color-contrast');
    await context.web.screenshot(page, 'basics-schedule-ar-desktop');
  });

  it('keyboard: the skip link first, then the language switcher, the filters button and every filter, each with a visible focus', async () => {
    const page = await context.web.newPage();
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    // On a phone the filters are folded: the button, then straight to the sessions.
    const folded = [];
    for (let i = 0; i < 5; i += 1) folded.push(await tab(page));
    expect(folded.map((stop) => stop.id)).toEqual(['skip-link', 'site-name', 'language', 'filters-heading', 'Praattafel Overleie']);
    expect(folded.filter((stop) => !stop.visible)).toEqual([]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const stops = [];
    for (let i = 0; i < 5; i += 1) stops.push(await tab(page));
    expect(stops.map((stop) => stop.id)).toEqual(['filter-programme', 'filter-place', 'filter-day', 'filter-language', 'Praattafel Overleie']);
    expect(stops.filter((stop) => !stop.visible)).toEqual([]);

    // The skip link jumps over the header: the next Tab lands on the filters button, Enter opens them.
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    await tab(page);
    await page.keyboard.press('Enter');
    await expect(tab(page)).resolves.toEqual({ id: 'filters-heading', visible: true });
    await page.keyboard.press('Enter');
    await expect(tab(page)).resolves.toEqual({ id: 'filter-programme', visible: true });

    // A filter works from the keyboard alone.
    await page.keyboard.press('ArrowDown'); // Alle soorten → the first programme (Praattafel)
    expect(await page.locator('.session-card__title').allInnerTexts()).toEqual(['Praattafel Overleie']);
  });
});
