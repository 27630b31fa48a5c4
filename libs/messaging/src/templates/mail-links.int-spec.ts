import LinkifyIt from 'linkify-it';
import { simpleParser } from 'mailparser';
import type { AppConfig } from '@app/config';
import { startSmtpCapture } from '@app/testing';
import { EmailChannel } from '../channels/channels';
import { SUPPORTED_MESSAGE_LANGUAGES } from './catalogues';
import { type MessageVariables } from './message-kinds';
import { renderMessage } from './render';

/** Characters HTML must escape in an href, and a path a careless isolate or linkifier would cut short. */
const MAP = 'https://www.kortrijk.be/culturen/plan-2026.pdf?editie=2026&taal=nl#plein';
const KINDS_WITH_A_LINK = ['STAND_CONFIRMED', 'STAND_MOVED', 'STAND_REMINDER'];

const vars: MessageVariables = {
  firstName: 'Fatima',
  sessionTitle: 'Kortrijk aan culturen 2026',
  startsAt: new Date('2026-09-12T08:00:00Z'),
  endsAt: new Date('2026-09-12T12:00:00Z'),
  venueName: 'Schouwburgplein',
  venueAddress: 'Schouwburgplein 14, 8500 Kortrijk',
  plotCode: 'B12',
  previousPlotCode: 'A3',
  previousStartsAt: new Date('2026-09-12T12:00:00Z'),
  siteMapUrl: MAP,
  slots: [{ plotCode: 'B12', startsAt: new Date('2026-09-12T08:00:00Z'), endsAt: new Date('2026-09-12T12:00:00Z') }],
};

/**
 * Links as mail clients find them: each mail goes through a real SMTP server, is parsed by
 * mailparser, and linkify-it (what many clients use to make plain-text links clickable) must find
 * exactly the site map's address in the text; the HTML part carries it as an anchor.
 */
describe('links in mails, in every language', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let channel: EmailChannel;
  const linkify = new LinkifyIt();

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    channel = new EmailChannel({ smtpUrl: smtp.url, mailFrom: 'Oefenkansen Kortrijk <oefenkansen@kortrijk.example>' } as AppConfig);
  });
  afterAll(async () => {
    channel.onModuleDestroy();
    await smtp.stop();
  });

  const cases = SUPPORTED_MESSAGE_LANGUAGES.flatMap((language) => KINDS_WITH_A_LINK.map((kind) => [language, kind] as const));

  it.each(cases)('%s %s: the site map is a link in the text and an anchor in the HTML', async (language, kind) => {
    const message = renderMessage(kind, language, vars);
    const key = `links|${language}|${kind}`;
    await channel.send({
      to: 'fatima@example.org',
      subject: message.subject,
      text: message.text,
      html: message.html,
      id: `${language}-${kind}`,
      language,
      dedupeKey: key,
    });
    const captured = smtp.mails.find((mail) => mail.dedupeKey === key);
    if (!captured) throw new Error(`no mail captured for ${key}`);
    const parsed = await simpleParser(captured.raw);

    const found = (linkify.match(parsed.text ?? '') ?? []).map((match) => match.url);
    expect({ language, kind, found }).toEqual({ language, kind, found: [MAP] });

    const html = typeof parsed.html === 'string' ? parsed.html : '';
    const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
    expect({ language, kind, hrefs }).toEqual({ language, kind, hrefs: [MAP] });
    expect(html).toContain(`href="${MAP.replace(/&/g, '&amp;')}"`);
  });

  it('makes only web addresses anchors: another scheme stays text', () => {
    const message = renderMessage('STAND_CONFIRMED', 'nl', { ...vars, siteMapUrl: 'javascript:alert(1)' });
    expect(message.html).not.toMatch(/<a\b[^>]*href="javascript:/);
    expect(message.html).toContain('javascript:alert(1)');
  });
});
