import { createWorld, type World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { brussels, createShift, createVolunteers, SIGN_UP, type Volunteer } from '../../api/test/volunteer-fixtures';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';

/** Tuesday 1 September 2026, 10:00 in Brussels. */
const NOW = new Date('2026-09-01T08:00:00Z');
const PHONE = { width: 390, height: 844 };
const emailOf = (name: string) => `${name.toLowerCase()}@vrijwilligers.test.oefenkansen.be`;

/** One volunteer asks a colleague to take over a shift, the colleague accepts on their own page, and both see the result. */
describe('volunteer page: swapping a shift with a colleague', () => {
  let web: WebTest;
  let world: World;
  let hanna: Volunteer;
  let karim: Volunteer;
  let shiftId: string;

  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    web.api.clock.set(NOW);
    world = await createWorld(web.api);
    [hanna, karim] = await createVolunteers(web.api, world, ['Hanna', 'Karim']);
    shiftId = (
      await createShift(web.api, world, {
        title: 'Onthaal Praattafel',
        role: 'WELCOME',
        startsAt: brussels('2026-09-05', '10:00'),
        endsAt: brussels('2026-09-05', '12:00'),
      })
    ).id;
    dataOf(await web.api.gql(SIGN_UP, { s: shiftId }, hanna.token));
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  const holderOf = async () =>
    (
      await web.api.dataSource.query<{ volunteer_id: string }[]>(`SELECT volunteer_id FROM shift_assignment WHERE shift_id = $1 AND status = 'ASSIGNED'`, [
        shiftId,
      ])
    ).map((row) => row.volunteer_id);

  it('Hanna asks Karim by name; Karim accepts on his page; the shift is his and Hanna sees it', async () => {
    const hannaPage = await web.newPage({ viewport: PHONE });
    await hannaPage.goto('/login?next=%2Fvolunteer');
    await signIn(hannaPage, emailOf('Hanna'));
    const mine = hannaPage.locator('.shifts--mine .shift-card');
    await mine.waitFor();
    await mine.getByRole('button', { name: 'Vraag een collega' }).click();
    // Colleagues by name only.
    const choice = mine.getByLabel('Wie kan je shift overnemen?');
    await choice.waitFor();
    const options = await choice.locator('option').allInnerTexts();
    expect(options).toContain('Karim');
    expect(options.join(' ')).not.toContain('@');
    await choice.selectOption({ label: 'Karim' });
    expect(await unlabelledFields(hannaPage)).toEqual([]);
    expect((await runAxe(hannaPage)).violations).toEqual([]);
    await web.screenshot(hannaPage, 'shift-swap-ask');
    await mine.getByRole('button', { name: 'Vraag het' }).click();
    await hannaPage.getByRole('status').getByText('Je vraagt Karim om Onthaal Praattafel over te nemen.').waitFor();
    await mine.getByText('Je hebt het aan Karim gevraagd. De shift blijft van jou tot Karim ja zegt.').waitFor();
    // Nothing moved yet.
    await expect(holderOf()).resolves.toEqual([hanna.id]);

    const karimPage = await web.newPage({ viewport: PHONE });
    await karimPage.goto('/login?next=%2Fvolunteer');
    await signIn(karimPage, emailOf('Karim'));
    const question = karimPage.locator('.shifts--swaps .shift-card');
    await question.getByText('Hanna vraagt of jij Onthaal Praattafel kunt overnemen.').waitFor();
    await karimPage.getByText('Je hebt nog geen shifts.').waitFor();
    expect((await runAxe(karimPage)).violations).toEqual([]);
    await web.screenshot(karimPage, 'shift-swap-question');
    await question.getByRole('button', { name: 'Ja, ik neem het over' }).click();
    await karimPage.getByRole('status').getByText('Onthaal Praattafel is nu jouw shift.').waitFor();
    await karimPage.locator('.shifts--mine .shift-card').getByText('Onthaal Praattafel').waitFor();
    await expect(karimPage.locator('.shifts--swaps').count()).resolves.toBe(0);
    await expect(holderOf()).resolves.toEqual([karim.id]);

    // Hanna's page, loaded again: the shift is gone from hers, and she reads who took it.
    await hannaPage.reload();
    await hannaPage.locator('.shifts--swaps .shift-card').getByText('Karim heeft Onthaal Praattafel van je overgenomen.').waitFor();
    await hannaPage.getByText('Je hebt nog geen shifts.').waitFor();
    expect((await runAxe(hannaPage)).violations).toEqual([]);
    await web.screenshot(hannaPage, 'shift-swap-accepted');
  });
});
