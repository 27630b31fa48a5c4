import { unsubscribeToken } from '@app/messaging';
import { tableSnapshot } from '../../api/test/test-api';
import { startWebTest, type WebTest } from './browser';
import { runAxe } from './page-checks';
import { BROWSER_NOW } from './public-fixtures';

/** The page of a mail's "Unsubscribe" link, /u/<token>: no login, in the mail's language, one button. */
describe('the unsubscribe page', () => {
  let web: WebTest;
  beforeAll(async () => {
    web = await startWebTest({ now: BROWSER_NOW });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });
  const optOuts = async () => (await web.api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM mail_opt_out`))[0].n;

  it('opens in Arabic, right to left, at 390 px, and unsubscribes with one button', async () => {
    const token = unsubscribeToken(web.api.config.personalLinkSecret, 'fatima@example.org');
    const page = await web.newPage();
    await page.goto(`/u/${token}?lang=ar`);
    await page.getByRole('heading', { level: 1, name: 'إلغاء الاشتراك' }).waitFor();
    await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ar', 'rtl']);
    await expect(page.title()).resolves.toMatch(/^إلغاء الاشتراك – /);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'unsubscribe-ar');

    expect(await optOuts()).toBe(0);
    await page.getByRole('button', { name: 'إلغاء الاشتراك' }).click();
    await page.getByRole('status').getByText('تم. لن تصلك هذه الرسائل بعد الآن.').waitFor();
    await page.getByText('ستصلك دائمًا الرسائل عن تسجيلك أنت، حتى بعد ذلك.').waitFor();
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'unsubscribe-ar-done');
    expect(await optOuts()).toBe(1);
  });

  it('says so when the link is not ours, in the browser language, and changes nothing', async () => {
    const before = await tableSnapshot(web.api.dataSource, ['mail_opt_out', 'notification']);
    const page = await web.newPage();
    await page.goto(`/u/${'A'.repeat(40)}`);
    await page.getByRole('heading', { level: 1, name: 'Uitschrijven' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('ltr');
    await page.getByRole('button', { name: 'Uitschrijven' }).click();
    await page.getByRole('alert').getByText('Deze link werkt niet. Open de link uit je e-mail nog een keer.').waitFor();
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'unsubscribe-bad-link');
    expect(await tableSnapshot(web.api.dataSource, ['mail_opt_out', 'notification'])).toEqual(before);
  });
});
