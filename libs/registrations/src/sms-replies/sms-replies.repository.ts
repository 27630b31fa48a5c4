import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, type Transaction } from '@app/database';
import { ContactChannel, SmsReplyOutcome } from '../entities';

export interface InboundSms {
  messageId: string;
  /** E.164. */
  fromPhone: string;
  text: string;
  receivedAt: Date;
}

/** The registration the last SMS to a number was about, and what the reply needs to know of it. */
export interface RepliedTo {
  registration_id: string;
  participant_id: string;
  registration_status: string;
  session_id: string;
  starts_at: Date;
  preferred_language: string;
  consent_to_contact: boolean;
}

/** One reply as the staff's list shows it. */
export interface SmsReplyRow {
  id: string;
  received_at: Date;
  from_phone: string;
  keyword: string | null;
  outcome: SmsReplyOutcome;
  text: string;
  participant_id: string | null;
  registration_id: string | null;
  first_name: string | null;
  session_title: string | null;
}

/**
 * sms_inbound, and the reads a reply needs: which registration the last SMS to the number was
 * about (messaging's notification rows, read along registrations → messaging) and who has it.
 */
@Injectable()
export class SmsRepliesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Keeps the reply, once per gateway message id: null when that id was handled already (a replay).
   * A concurrent second call waits on the unique index until the first commits, then gets null.
   */
  async claim(tx: Transaction, sms: InboundSms): Promise<string | null> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO sms_inbound (message_id, from_phone, text, received_at, outcome) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id) DO NOTHING RETURNING id`,
      [sms.messageId, sms.fromPhone, sms.text, sms.receivedAt, SmsReplyOutcome.UNKNOWN_SENDER],
    );
    return rows[0]?.id ?? null;
  }

  async record(
    tx: Transaction,
    id: string,
    result: { keyword: string | null; outcome: SmsReplyOutcome; registrationId: string | null; participantId: string | null },
  ): Promise<void> {
    await tx.query(`UPDATE sms_inbound SET keyword = $2, outcome = $3, registration_id = $4, participant_id = $5, updated_at = now() WHERE id = $1`, [
      id,
      result.keyword,
      result.outcome,
      result.registrationId,
      result.participantId,
    ]);
  }

  /** The registration of the latest SMS sent to a participant with this number; null: we never texted it about one. */
  async repliedTo(tx: Transaction, phone: string): Promise<RepliedTo | null> {
    const [row] = await tx.query<RepliedTo[]>(
      `SELECT r.id AS registration_id, p.id AS participant_id, r.status AS registration_status, s.id AS session_id, s.starts_at,
              p.preferred_language, p.consent_to_contact
         FROM notification n JOIN participant p ON p.id = n.participant_id JOIN registration r ON r.id = n.registration_id JOIN session s ON s.id = r.session_id
        WHERE p.phone = $1 AND p.erased_at IS NULL AND n.channel = 'SMS' AND n.status = 'SENT'
        ORDER BY n.sent_at DESC, n.id DESC LIMIT 1`,
      [phone],
    );
    return row ?? null;
  }

  /** Participants this number reaches by SMS with their consent: a STOP withdraws it from each. */
  async reachedBySms(tx: Transaction, phone: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM participant WHERE phone = $1 AND erased_at IS NULL AND contact_channel = $2 AND consent_to_contact ORDER BY id`,
      [phone, ContactChannel.SMS],
    );
    return rows.map((row) => row.id);
  }

  /** Newest first, with the participant's first name and the session's title when known. */
  async list(limit: number): Promise<SmsReplyRow[]> {
    return this.on().query<SmsReplyRow[]>(
      `SELECT i.id, i.received_at, i.from_phone, i.keyword, i.outcome, i.text, i.participant_id, i.registration_id,
              p.first_name, s.title AS session_title
         FROM sms_inbound i LEFT JOIN participant p ON p.id = i.participant_id
         LEFT JOIN registration r ON r.id = i.registration_id LEFT JOIN session s ON s.id = r.session_id
        ORDER BY i.received_at DESC, i.id DESC LIMIT $1`,
      [limit],
    );
  }

  /** How many there are in all (the list shows the newest). */
  async count(): Promise<number> {
    const [{ count }] = await this.on().query<{ count: number }[]>(`SELECT count(*)::int AS count FROM sms_inbound`);
    return count;
  }
}
