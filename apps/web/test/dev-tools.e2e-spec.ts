/// <reference lib="dom" />
import type { Page, Request } from 'playwright-core';
import { TEST_ADMIN } from '../../api/test/test-api';
import { startWebTest, type WebTest } from './browser';

/**
 * The developer's and the admin's pages of the API — GraphiQL (GET /graphql, not in production)
 * and Bull Board (/admin/queues) — work on a machine without internet: every file they need comes
 * from this origin, and the browser asks no other one for anything.
 */
describe('GraphiQL and Bull Board in a browser, offline', () => {
  let web: WebTest;
  let adminToken: string;
  /** Every request a page made that left for another origin. */
  const foreign: string[] = [];
  /** Every answer of 400 or more a page got. */
  const failed: string[] = [];

  beforeAll(async () => {
    web = await startWebTest({ now: new Date('2026-08-15T10:00:00Z') });
    adminToken = await web.api.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => web?.close());

  async function open(path: string): Promise<Page> {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(web.api.baseUrl).origin;
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(`${path}: ${request.url()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(path);
    return page;
  }

  beforeEach(() => {
    foreign.length = 0;
    failed.length = 0;
    web.pageErrors.length = 0;
  });

  it('GraphiQL at /graphql: its editor, the schema from this API, and an operation run', async () => {
    const page = await open('/graphql');
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    await page.evaluate(() =>
      (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(
        '{ programmes { id } }',
      ),
    );
    await page.getByRole('button', { name: /execute query/i }).click();
    await page.locator('.graphiql-response').getByText('"programmes"').waitFor({ timeout: 30_000 });
    await web.screenshot(page, 'dev-graphiql');
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });

  it.each(['/admin/queues', '/admin/queues/'])('Bull Board at %s?token=…: both queues', async (path) => {
    const page = await open(`${path}?token=${adminToken}`);
    for (const queue of ['notifications', 'housekeeping']) await page.getByText(queue, { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/admin/queues/');
    await web.screenshot(page, `dev-bull-board${path.endsWith('/') ? '-slash' : ''}`);
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });
});
