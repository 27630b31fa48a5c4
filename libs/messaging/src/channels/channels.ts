import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig, mailDomain } from '@app/config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification (the outbox row's id): a resend after a crash carries the same Message-ID, so inboxes can fold it. */
  id: string;
  /** The message's language (BCP 47, e.g. `nl`, `prs`): the Content-Language header, for screen readers and mail clients' translation. */
  language: string;
  dedupeKey: string;
  /** An iCalendar object with a METHOD line: the MIME type repeats that method (RFC 6047 §2.4 says they must match). */
  calendar?: { filename: string; content: string };
  /** A mail the reader can live without: its one-click unsubscribe address (RFC 8058). */
  unsubscribeUrl?: string;
}

export interface OutgoingSms {
  to: string;
  text: string;
  /** The gateway drops a second message with the same reference (our crash-safe retry). */
  reference: string;
}

/** E-mail over SMTP with nodemailer (SMTP_URL). */
@Injectable()
export class EmailChannel implements OnModuleDestroy {
  private readonly transport: Transporter;
  /** RFC 5322 wants a Message-ID's right side to be a domain we own: the sender's (validated by the configuration). */
  private readonly messageIdDomain: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = createTransport(config.smtpUrl, { from: config.mailFrom });
    this.messageIdDomain = mailDomain(config.mailFrom) ?? 'oefenkansen.invalid';
  }

  async send(email: OutgoingEmail): Promise<string> {
    const messageId = `<${email.id}@${this.messageIdDomain}>`;
    const calendar = email.calendar ? calendarPart(email.calendar.content) : undefined;
    const info = await this.transport.sendMail({
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId,
      headers: {
        'X-Oefenkansen-Key': email.dedupeKey,
        'Content-Language': email.language,
        // Mail clients show their own "Unsubscribe" and POST List-Unsubscribe=One-Click to the address (RFC 8058).
        ...(email.unsubscribeUrl ? { 'List-Unsubscribe': `<${email.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      },
      // Not nodemailer's icalEvent: it types the attachment application/ics, which calendar apps do not all open.
      alternatives: calendar ? [{ contentType: calendar.contentType, content: calendar.content }] : undefined,
      attachments:
        calendar && email.calendar ? [{ filename: email.calendar.filename, contentType: calendar.contentType, content: calendar.content }] : undefined,
    });
    return String(info.messageId ?? messageId);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** The calendar's MIME type, with the METHOD its VCALENDAR declares (a calendar without one is a programming error). */
function calendarPart(content: string): { contentType: string; content: string } {
  const method = /^METHOD:([A-Z-]+)\r?$/m.exec(content)?.[1];
  if (!method) throw new Error('a calendar sent by e-mail needs a METHOD line (RFC 6047 §2.4)');
  return { contentType: `text/calendar; charset=utf-8; method=${method}`, content };
}

/**
 * SMS through an HTTP gateway: POST SMS_GATEWAY_URL with JSON {to, text, reference} and header
 * Idempotency-Key; any 2xx is accepted, a JSON body's `id` is kept as the provider's reference.
 */
@Injectable()
export class SmsChannel {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(sms: OutgoingSms): Promise<string> {
    const response = await fetch(this.config.smsGatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': sms.reference,
        ...(this.config.smsGatewayToken ? { authorization: `Bearer ${this.config.smsGatewayToken}` } : {}),
      },
      body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}: ${body.slice(0, 200)}`);
    try {
      return String((JSON.parse(body) as { id?: unknown }).id ?? sms.reference);
    } catch {
      return sms.reference;
    }
  }
}
