import { AppError, NotificationChannel } from '@app/common';
import { SUPPORTED_MESSAGE_LANGUAGES } from '../templates/catalogues';
import { MESSAGE_KINDS, type MessageVariables } from '../templates/message-kinds';
import { renderMessage } from '../templates/render';
import { smsLength } from '../templates/sms';

export interface MessagePreview {
  kind: string;
  language: string;
  direction: 'ltr' | 'rtl';
  channel: NotificationChannel;
  /** Mail only. */
  subject: string | null;
  text: string | null;
  html: string | null;
  /** SMS only, as the gateway gets it. */
  sms: string | null;
  smsSegments: number | null;
  smsEncoding: string | null;
}

const DAY = 24 * 3600 * 1000;

/** Demo values for every placeholder, about a week from `now` at 19:00 Brussels time, so every kind renders in full. */
export function demoVariables(now: Date, language: string): MessageVariables {
  const week = new Date(Math.floor((now.getTime() + 7 * DAY) / DAY) * DAY + 17 * 3600 * 1000);
  const at = (days: number, hours = 0) => new Date(week.getTime() + days * DAY + hours * 3600 * 1000);
  return {
    firstName: 'Amina',
    sessionTitle: 'Babbelonië',
    startsAt: week,
    endsAt: at(0, 1.5),
    venueName: 'Bibliotheek Kortrijk',
    venueAddress: 'Leiestraat 30, 8500 Kortrijk',
    waitlistPosition: 3,
    previousStartsAt: at(-1),
    reason: 'De begeleider is ziek',
    confirmedCount: 12,
    capacity: 16,
    waitlistCount: 9,
    lines: [
      { firstName: 'Amina', lastName: 'Haddad', sessionTitle: 'Babbelonië', startsAt: week, language: 'ar', phone: '+32470123456', how: 'SMS' },
      { firstName: 'Olena', lastName: null, sessionTitle: 'Babbelonië', startsAt: week, language: 'uk', phone: null, how: 'via de school' },
    ],
    plotCode: 'B12',
    previousPlotCode: 'A3',
    siteMapUrl: 'https://www.kortrijk.be/festival/plan.pdf',
    deadline: at(-3),
    freePlots: 7,
    slots: [
      { plotCode: 'B12', startsAt: week, endsAt: at(0, 3) },
      { plotCode: 'C4', startsAt: at(1, -4), endsAt: at(1, -1) },
    ],
    code: '042917',
    colleagueName: 'Karim',
    link: 'https://oefenkansen.kortrijk.be/invitation/demo',
    offerExpiresAt: at(0, -3),
    contactPhone: '+3256277000',
    message: 'Neem morgen een pen en je agenda mee.',
    inDutch: language !== 'nl',
  };
}

/** One message kind in one language and channel, rendered by the real renderer with demo values. */
export function previewMessage(kind: string, language: string, channel: NotificationChannel, now: Date): MessagePreview {
  if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) throw AppError.badInput(`${kind} is not a message kind`, 'kind');
  if (!(SUPPORTED_MESSAGE_LANGUAGES as readonly string[]).includes(language)) throw AppError.badInput(`${language} is not a message language`, 'language');
  const rendered = renderMessage(kind, language, demoVariables(now, language));
  const mail = channel === NotificationChannel.EMAIL;
  const length = smsLength(rendered.sms);
  return {
    kind,
    language: rendered.language,
    direction: rendered.direction,
    channel,
    subject: mail ? rendered.subject : null,
    text: mail ? rendered.text : null,
    html: mail ? rendered.html : null,
    sms: mail ? null : rendered.sms,
    smsSegments: mail ? null : length.segments,
    smsEncoding: mail ? null : length.encoding,
  };
}
