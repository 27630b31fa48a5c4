import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, type Transaction } from '@app/database';
import type { ContactChannel } from '@app/registrations';
import { type BroadcastAudience } from './broadcast-rules';
import { BroadcastAudienceKind, BroadcastEntity } from './entities';

/** A participant the broadcast may reach (participant, registrations', read only). */
export interface ParticipantReader {
  id: string;
  first_name: string;
  preferred_language: string;
  contact_channel: ContactChannel;
  phone: string | null;
  email: string | null;
  consent_to_contact: boolean;
}

/** A festival organiser's account (app_user, auth's, read only). */
export interface OrganiserReader {
  id: string;
  display_name: string;
  email: string;
  preferred_language: string;
  active: boolean;
}

/** Which sessions each audience means: those still ahead and not cancelled. */
const SESSIONS_OF: Record<Exclude<BroadcastAudienceKind, BroadcastAudienceKind.FESTIVAL_EDITION>, string> = {
  [BroadcastAudienceKind.SESSION]: 's.id = $1',
  [BroadcastAudienceKind.SERIES]: 's.series_id = $1',
  [BroadcastAudienceKind.PROGRAMME]: 's.programme_id = $1',
};

/** The title each audience is known by (scheduling's and the festival's tables, read only). */
const TITLE_OF: Record<BroadcastAudienceKind, string> = {
  [BroadcastAudienceKind.SESSION]: 'SELECT title FROM session WHERE id = $1',
  [BroadcastAudienceKind.SERIES]: 'SELECT title FROM session_series WHERE id = $1',
  [BroadcastAudienceKind.PROGRAMME]: 'SELECT name AS title FROM programme WHERE id = $1',
  [BroadcastAudienceKind.FESTIVAL_EDITION]: 'SELECT name AS title FROM festival_edition WHERE id = $1',
};

/**
 * The broadcast table (this lib's own), and what a broadcast reads of others to find its readers:
 * sessions and registrations, participants, festival applications and bookings, organisers'
 * accounts — read only, as the other domains' message repositories read app_user.
 */
@Injectable()
export class BroadcastsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async titleOf(tx: Transaction, audience: BroadcastAudience): Promise<string | null> {
    const [row] = await this.on(tx).query<{ title: string }[]>(TITLE_OF[audience.kind], [audience.id]);
    return row?.title ?? null;
  }

  /**
   * The participants with a live place (confirmed or on the waiting list) at one of the audience's
   * sessions still ahead, each once however many of those sessions they hold a place at.
   */
  participantsOf(tx: Transaction, audience: BroadcastAudience, now: Date): Promise<ParticipantReader[]> {
    const sessions = SESSIONS_OF[audience.kind as keyof typeof SESSIONS_OF];
    return this.on(tx).query<ParticipantReader[]>(
      `SELECT p.id, p.first_name, p.preferred_language, p.contact_channel, p.phone, p.email, p.consent_to_contact
         FROM participant p
        WHERE p.erased_at IS NULL
          AND EXISTS (SELECT 1 FROM registration r JOIN session s ON s.id = r.session_id
                       WHERE r.participant_id = p.id AND r.status IN ('CONFIRMED', 'OFFERED', 'WAITLISTED')
                         AND s.status <> 'CANCELLED' AND s.starts_at > $2 AND ${sessions})
        ORDER BY p.id`,
      [audience.id, now],
    );
  }

  /** The active organisers of the associations that applied for, or hold a live booking in, the edition. */
  organisersOf(tx: Transaction, editionId: string): Promise<OrganiserReader[]> {
    return this.on(tx).query<OrganiserReader[]>(
      `SELECT u.id, u.display_name, u.email, u.preferred_language, u.active
         FROM app_user u
        WHERE u.active AND 'FESTIVAL_ORGANISER' = ANY(u.roles::text[])
          AND u.organisation_id IN (SELECT organisation_id FROM stand_application WHERE edition_id = $1
                                    UNION SELECT organisation_id FROM stand_booking WHERE edition_id = $1 AND status <> 'CANCELLED')
        ORDER BY u.id`,
      [editionId],
    );
  }

  async participant(tx: Transaction, id: string | null): Promise<ParticipantReader | undefined> {
    const [row] = await this.on(tx).query<ParticipantReader[]>(
      `SELECT id, first_name, preferred_language, contact_channel, phone, email, consent_to_contact FROM participant WHERE id = $1 AND erased_at IS NULL`,
      [id],
    );
    return row;
  }

  async organiser(tx: Transaction, id: string | null): Promise<OrganiserReader | undefined> {
    const [row] = await this.on(tx).query<OrganiserReader[]>(`SELECT id, display_name, email, preferred_language, active FROM app_user WHERE id = $1`, [id]);
    return row;
  }

  findByKey(tx: Transaction, idempotencyKey: string): Promise<BroadcastEntity | null> {
    return this.on(tx).findOne(BroadcastEntity, { where: { idempotencyKey } });
  }

  find(tx: Transaction | undefined, id: string): Promise<BroadcastEntity | null> {
    return this.on(tx).findOne(BroadcastEntity, { where: { id } });
  }

  /** Inserts the broadcast unless its key exists (a retry, or a second click racing the first): then null. */
  async insert(
    tx: Transaction,
    broadcast: Pick<BroadcastEntity, 'authorId' | 'audienceKind' | 'audienceId' | 'audienceTitle' | 'text' | 'translations' | 'idempotencyKey'>,
  ): Promise<string | null> {
    const rows = await this.on(tx).query<{ id: string }[]>(
      `INSERT INTO broadcast (author_id, audience_kind, audience_id, audience_title, text, translations, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        broadcast.authorId,
        broadcast.audienceKind,
        broadcast.audienceId,
        broadcast.audienceTitle,
        broadcast.text,
        JSON.stringify(broadcast.translations),
        broadcast.idempotencyKey,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async setCounts(tx: Transaction, id: string, smsCount: number, emailCount: number): Promise<void> {
    await this.on(tx).update(BroadcastEntity, id, { smsCount, emailCount });
  }

  /** The latest broadcasts first. */
  list(limit: number): Promise<BroadcastEntity[]> {
    return this.on().find(BroadcastEntity, { order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
