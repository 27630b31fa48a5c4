import type { Locator, Page } from 'playwright-core';
import { CREATE_SESSION, sessionInput, type World } from '../../../api/test/fixtures';
import { dataOf, type TestApi } from '../../../api/test/test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id } } }`;

/** Types a date (day, month, year as nl-BE shows them) into the React Aria date field labelled `label`. */
export async function typeDate(scope: Page | Locator, page: Page, label: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await scope.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(`${day}${month}${year}`);
}

/** Types HH:mm into the React Aria time field labelled `label`. */
export async function typeTime(scope: Page | Locator, page: Page, label: string, time: string): Promise<void> {
  await scope.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(time.replace(':', ''));
}

/** Presses Tab until the element with this accessible name has focus (keyboard only); fails after `limit` presses. */
export async function tabTo(page: Page, name: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** The page does not scroll sideways (tables scroll inside their own box). */
export function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export interface SessionSetup {
  api: TestApi;
  world: World;
}

export async function apiSession(setup: SessionSetup, overrides: Record<string, unknown>): Promise<string> {
  const input = sessionInput(setup.world, { startsAt: '2026-09-15T19:00:00+02:00', endsAt: '2026-09-15T20:30:00+02:00', ...overrides });
  return dataOf(await setup.api.gql(CREATE_SESSION, { i: input }, setup.world.tokens.coordinator)).createSession.id;
}

export async function apiRegister(
  setup: SessionSetup,
  sessionId: string,
  who: { participantId: string } | { firstName: string; lastName?: string; phone?: string; email?: string; contactChannel?: string; consent?: boolean },
): Promise<{ id: string; status: string; participant: { id: string } }> {
  const input =
    'participantId' in who
      ? { sessionId, participantId: who.participantId }
      : {
          sessionId,
          participant: {
            firstName: who.firstName,
            lastName: who.lastName ?? null,
            phone: who.phone ?? null,
            email: who.email ?? null,
            preferredLanguage: 'nl',
            contactChannel: who.contactChannel ?? 'NONE',
            consentToContact: who.consent ?? false,
          },
        };
  return dataOf(await setup.api.gql(REGISTER, { i: input }, setup.world.tokens.coordinator)).registerParticipant;
}
