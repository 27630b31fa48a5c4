/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Page } from 'playwright-core';
import { Clock, FixedClock } from '@app/common';
import { NotificationDispatcher } from '@app/messaging';
import { PersonalLinks } from '@app/registrations';
import { startSmsGateway, startSmtpCapture, waitFor } from '@app/testing';
import type { TestApi } from '../../api/test/test-api';
import { WorkerModule } from '../../worker/src/worker.module';
import { startWebTest, type WebTest } from './browser';

/** The token of a registration's personal link, as its messages carry it. */
export function personalLinkToken(api: TestApi, registrationId: string): string {
  return api.app.get(PersonalLinks).tokenFor(registrationId);
}

/** A language's words of the personal page, as the reader sees them (placeholders filled by the test). */
export function selfServiceWords(language: string): Record<string, string> {
  const file = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'locales', language, 'web.json'), 'utf8')) as { selfService: Record<string, string> };
  return file.selfService;
}

/** "2026-09-10 08:45": the wall-clock time in Brussels. */
export function brusselsWallClock(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Presses Tab until the focus is on the element whose text is `name` (proves it is reachable by keyboard, in order). */
export async function tabTo(page: Page, name: string, maxPresses = 40): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) === name) return;
  }
  throw new Error(`"${name}" is not reachable with Tab`);
}

/** How far the page is wider than its viewport (0: no sideways scroll). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The path /r/<token> of the personal link in a message's text. */
export function personalLinkPath(text: string): string {
  const match = /\/r\/([A-Za-z0-9_-]{22,})/.exec(text);
  if (!match) throw new Error(`no personal link in: ${text}`);
  return `/r/${match[1]}`;
}

/**
 * The web app's browser test (API serving the built app, Chromium) with the worker beside it,
 * sending through a local SMTP capture and SMS gateway, as apps/worker/test/message-rig.ts does.
 */
export interface JourneyRig {
  web: WebTest;
  worker: INestApplication;
  sms: Awaited<ReturnType<typeof startSmsGateway>>;
  /** Dispatches, and waits until every message due is sent or cancelled. */
  deliverDue(): Promise<void>;
  close(): Promise<void>;
}

export async function startJourneyRig(now: Date): Promise<JourneyRig> {
  const smtp = await startSmtpCapture();
  const sms = await startSmsGateway();
  const web = await startWebTest({ now });
  const workerClock = new FixedClock(web.api.clock.now());
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ ...web.api.config, smtpUrl: smtp.url, smsGatewayUrl: sms.url })] })
    .overrideProvider(Clock)
    .useValue(workerClock)
    .compile();
  const worker = moduleRef.createNestApplication({ logger: false });
  await worker.init();
  return {
    web,
    worker,
    sms,
    async deliverDue() {
      const dispatcher = worker.get(NotificationDispatcher);
      await dispatcher.dispatchDue();
      let dispatchedAt = Date.now();
      await waitFor(async () => {
        const [{ pending }] = await web.api.dataSource.query<{ pending: number }[]>(
          `SELECT count(*)::int AS pending FROM notification WHERE status = 'PENDING' AND due_at <= $1`,
          [workerClock.now()],
        );
        if (pending === 0) return true;
        if (Date.now() - dispatchedAt > 2000) {
          await dispatcher.dispatchDue();
          dispatchedAt = Date.now();
        }
        return undefined;
      }, 'every due message to be sent or cancelled');
    },
    async close() {
      await worker.close();
      await web.close();
      await smtp.stop();
      await sms.stop();
    },
  };
}
