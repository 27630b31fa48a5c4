/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser: they need the DOM types.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { FIXTURE_PASSWORD } from '../../api/test/fixtures';
import { startTestApi, type TestApi } from '../../api/test/test-api';
import { webBuild } from './web-build';

/** Debian's chromium (`apt-get install chromium`); playwright-core never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

export interface WebTest {
  api: TestApi;
  browser: Browser;
  /**
   * A fresh browser profile (empty localStorage) whose clock stands still at `now`, in a time
   * zone far from Brussels by default, so times shown in Brussels time prove themselves. The
   * browser's language is Belgian Dutch unless `locale` says otherwise.
   */
  newPage(options?: { timezoneId?: string; viewport?: { width: number; height: number }; locale?: string }): Promise<Page>;
  /** Saves a full-page screenshot as test-results/screenshots/<name>.png (git-ignored). */
  screenshot(page: Page, name: string): Promise<void>;
  /** Problems the pages reported: console errors, uncaught exceptions, CSP refusals. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** The test API serving the built web app, and a headless Chromium. */
export async function startWebTest(options: { now: Date; env?: Record<string, string> }): Promise<WebTest> {
  const api = await startTestApi({ webRoot: webBuild(), env: options.env });
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
    .catch(async (error: Error) => {
      await api.close();
      throw new Error(`cannot start ${CHROMIUM} (apt-get install -y chromium): ${error.message}`);
    });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    api,
    browser,
    pageErrors,
    async newPage(pageOptions = {}) {
      const context = await browser.newContext({
        baseURL: api.baseUrl,
        locale: pageOptions.locale ?? 'nl-BE',
        timezoneId: pageOptions.timezoneId ?? 'America/New_York',
        viewport: pageOptions.viewport ?? { width: 390, height: 844 },
      });
      contexts.push(context);
      await context.clock.setFixedTime(options.now);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => pageErrors.push(`exception: ${error.message}`));
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await api.close();
    },
  };
}

/** Fills in the login page the browser is on and submits it (the fixture users share one password). */
export async function signIn(page: Page, email: string, password = FIXTURE_PASSWORD): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}
