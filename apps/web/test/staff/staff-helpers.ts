/// <reference lib="dom" />
import { Test } from '@nestjs/testing';
import type { Page } from 'playwright-core';
import { Clock } from '@app/common';
import { NotificationDispatcher } from '@app/messaging';
import { type CapturedMail, startSmtpCapture, waitFor } from '@app/testing';
import { TEST_ADMIN, type TestApi } from '../../../api/test/test-api';
import { WorkerModule } from '../../../worker/src/worker.module';
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

/**
 * Mail as production sends it: the worker (in this process, on the API's clock and database)
 * delivers the outbox over real SMTP to a capture server. `mailTo` dispatches until a mail to the
 * address (and with the subject, if given) has arrived that it has not handed out before.
 */
export interface MailCapture {
  mails: CapturedMail[];
  mailTo(address: string, subject?: string | RegExp): Promise<CapturedMail>;
  close(): Promise<void>;
}

export async function startMailCapture(api: TestApi): Promise<MailCapture> {
  const smtp = await startSmtpCapture();
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ ...api.config, smtpUrl: smtp.url })] })
    .overrideProvider(Clock)
    .useValue(api.clock)
    .compile();
  const worker = moduleRef.createNestApplication({ logger: false });
  await worker.init();
  const handedOut = new Set<CapturedMail>();
  const matches = (mail: CapturedMail, address: string, subject?: string | RegExp) =>
    mail.to.toLowerCase().includes(address.toLowerCase()) &&
    (subject === undefined || (typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject)));
  return {
    mails: smtp.mails,
    async mailTo(address, subject) {
      return waitFor(
        async () => {
          const fresh = smtp.mails.find((mail) => !handedOut.has(mail) && matches(mail, address, subject));
          if (fresh) {
            handedOut.add(fresh);
            return fresh;
          }
          await worker.get(NotificationDispatcher).dispatchDue();
          return undefined;
        },
        `a mail to ${address}`,
        20_000,
        250,
      );
    },
    async close() {
      await worker.close();
      await smtp.stop();
    },
  };
}

/** The path of the one-time link in an invitation or password-reset mail: /invitation/<token> or /reset-password/<token>. */
export function inviteLinkFrom(mail: CapturedMail): string {
  const match = /https?:\/\/[^\s"<>]+?(\/(?:invitation|reset-password)\/[A-Za-z0-9_-]{20,})/.exec(mail.text);
  if (!match) throw new Error(`no invitation or reset link in the mail "${mail.subject}" to ${mail.to}`);
  return match[1];
}
