import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startWebTest, type WebTest } from './browser';
import { BROWSER_NOW, type PublicSchedule, seedPublicSchedule } from './public-fixtures';

/** The axe-core engine, evaluated inside each page (the page's own CSP would refuse a script tag). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeSummary {
  violations: { id: string; help: string; targets: string[] }[];
  /** Rules that found something to check (so a rule that passed did look at the page). */
  applied: string[];
}

/** axe-core's WCAG 2.x A and AA rules on the page as it is now. */
async function runAxe(page: Page): Promise<AxeSummary> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return {
      violations: result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((node) => node.target.join(' ')) })),
      applied: [...result.passes, ...result.violations].map((rule) => rule.id),
    };
  });
}

/** Form fields without a label a screen reader can read. */
function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((field) => field.type !== 'hidden')
      .filter((field) => (field.labels?.length ?? 0) === 0 && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
      .map((field) => field.outerHTML.slice(0, 80)),
  );
}

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
  let web: WebTest;
  let seeded: PublicSchedule;

  beforeAll(async () => {
    web = await startWebTest({ now: BROWSER_NOW });
    seeded = await seedPublicSchedule(web.api);
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  const pages = [
    { name: 'schedule', path: () => '/', ready: '.session-card', title: 'Nederlands oefenen in Kortrijk – Oefenkansen Kortrijk' },
    { name: 'session', path: () => `/sessions/${seeded.praattafelId}`, ready: '.facts', title: 'Praattafel Overleie – Oefenkansen Kortrijk' },
    { name: 'session-full', path: () => `/sessions/${seeded.fullSchoolbabbelId}`, ready: '.facts', title: 'Schoolbabbel De Vlieger – Oefenkansen Kortrijk' },
    { name: 'not-found', path: () => '/nergens', ready: 'h1', title: 'Pagina niet gevonden – Oefenkansen Kortrijk' },
  ];

  it.each(pages)('$name: its own title, every field labelled, no WCAG A/AA violation, contrast checked', async ({ name, path, ready, title }) => {
    const page = await web.newPage();
    await page.goto(path());
    await page.locator(ready).first().waitFor();
    await expect(page.title()).resolves.toBe(title);
    expect(await unlabelledFields(page)).toEqual([]);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['nl', 'ltr']);
    const axe = await runAxe(page);
    expect(axe.violations).toEqual([]);
    // The rules that matter here did run (only the schedule has fields to name).
    expect(axe.applied).toEqual(expect.arrayContaining(['bypass', 'color-contrast', 'document-title', 'html-has-lang', 'html-lang-valid', ...(name === 'schedule' ? ['select-name'] : [])]));
    await web.screenshot(page, `basics-${name}`);
  });

  it('the Arabic schedule passes the same checks, right to left', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    await page.getByLabel('Taal van de website').selectOption('ar');
    await page.getByRole('heading', { level: 2, name: 'بحث' }).waitFor();
    expect(await unlabelledFields(page)).toEqual([]);
    const axe = await runAxe(page);
    expect(axe.violations).toEqual([]);
    expect(axe.applied).toContain('color-contrast');
    await web.screenshot(page, 'basics-schedule-ar-desktop');
  });

  it('keyboard: the skip link first, then the language switcher and every filter, each with a visible focus', async () => {
    const page = await web.newPage();
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    const stops = [];
    for (let i = 0; i < 8; i += 1) stops.push(await tab(page));
    expect(stops.map((stop) => stop.id)).toEqual(['skip-link', 'site-name', 'language', 'filter-programme', 'filter-place', 'filter-day', 'filter-language', 'Praattafel Overleie']);
    expect(stops.filter((stop) => !stop.visible)).toEqual([]);

    // The skip link jumps over the header: the next Tab lands on the first filter.
    await page.keyboard.press('Shift+Tab');
    await page.goto('/');
    await page.locator('.session-card').first().waitFor();
    await tab(page);
    await page.keyboard.press('Enter');
    await expect(tab(page)).resolves.toEqual({ id: 'filter-programme', visible: true });

    // A filter works from the keyboard alone.
    await page.keyboard.press('ArrowDown'); // Alle soorten → the first programme (Praattafel)
    expect(await page.locator('.session-card__title').allInnerTexts()).toEqual(['Praattafel Overleie']);
  });
});
