import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification: a resend after a crash carries the same Message-ID, so inboxes can fold it. */
  messageId: string;
  dedupeKey: string;
  calendar?: { filename: string; content: string };
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

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = createTransport(config.smtpUrl, { from: config.mailFrom });
  }

  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: { 'X-Oefenkansen-Key': email.dedupeKey },
      icalEvent: email.calendar ? { filename: email.calendar.filename, method: 'PUBLISH', content: email.calendar.content } : undefined,
    });
    return String(info.messageId ?? email.messageId);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
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
