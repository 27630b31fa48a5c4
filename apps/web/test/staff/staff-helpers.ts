/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { TEST_ADMIN } from '../../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from '../browser';
import { runAxe } from '../page-checks';

/** The back office's browser tests run against the API as production runs it: no playground, no dev tools. */
export function startStaffWebTest(now: Date, env: Record<string, string> = {}): Promise<WebTest> {
  return startWebTest({ now, env: { NODE_ENV: 'production', ...env } });
}

/** A fresh browser signed in as the test admin (a coordinator's rights and more), on a phone-sized screen unless told otherwise. */
export async function signedInStaffPage(
  web: WebTest,
  options: { viewport?: { width: number; height: number }; email?: string; password?: string } = {},
): Promise<Page> {
  const page = await web.newPage({ viewport: options.viewport });
  await page.goto('/login?next=/staff');
  await signIn(page, options.email ?? TEST_ADMIN.email, options.password ?? TEST_ADMIN.password);
  await page.waitForURL((url) => url.pathname.startsWith('/staff'));
  return page;
}

/** axe-core findings (WCAG A/AA) on the page as it is now, of any impact: stricter than the 0 serious/critical required. */
export async function axeViolations(page: Page): Promise<string[]> {
  const summary = await runAxe(page);
  return summary.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.targets.join(', ')})`);
}
