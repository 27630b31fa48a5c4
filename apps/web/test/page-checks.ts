/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The axe-core engine, evaluated inside each page (the page's own CSP would refuse a script tag). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeSummary {
  violations: { id: string; help: string; targets: string[] }[];
  /** Rules that found something to check (so a rule that passed did look at the page). */
  applied: string[];
}

/** axe-core's WCAG 2.x A and AA rules on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeSummary> {
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
export function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((field) => field.type !== 'hidden')
      .filter((field) => (field.labels?.length ?? 0) === 0 && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
      .map((field) => field.outerHTML.slice(0, 80)),
  );
}
