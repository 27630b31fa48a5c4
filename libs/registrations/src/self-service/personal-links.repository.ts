import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { ParticipantEntity } from '../entities';

export interface LinkRow {
  registrationId: string;
  tokenHash: string;
}

/** The registration_link table (hashes only) and what opening a link reads. */
@Injectable()
export class PersonalLinksRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * One row per registration, expiring at its session's end as the session is now (a moved session
   * takes its links along). A revoked link stays revoked: revoked_at is never cleared here.
   */
  async upsert(links: LinkRow[], tx: Transaction): Promise<void> {
    if (links.length === 0) return;
    await this.on(tx).query(
      `INSERT INTO registration_link (registration_id, token_hash, expires_at)
       SELECT r.id, l.token_hash, s.ends_at
         FROM unnest($1::uuid[], $2::varchar[]) AS l(registration_id, token_hash)
         JOIN registration r ON r.id = l.registration_id
         JOIN session s ON s.id = r.session_id
       ON CONFLICT (registration_id) DO UPDATE SET expires_at = EXCLUDED.expires_at, updated_at = now()
        WHERE registration_link.expires_at IS DISTINCT FROM EXCLUDED.expires_at`,
      [links.map((link) => link.registrationId), links.map((link) => link.tokenHash)],
    );
  }

  /** Every registration of the session, cancelled ones too (their link opens until the end as well). */
  async registrationIdsOfSession(sessionId: string, tx: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(`SELECT id FROM registration WHERE session_id = $1`, [sessionId]);
    return rows.map((row) => row.id);
  }

  /**
   * The registration a link opens: not revoked, its session not yet over (the session's end as it
   * is now, so a link follows a later move before its row does), its person not erased.
   */
  async openRegistrationId(tokenHash: string, now: Date, tx?: Transaction): Promise<string | null> {
    const [row] = await this.on(tx).query<{ registration_id: string }[]>(
      `SELECT l.registration_id
         FROM registration_link l
         JOIN registration r ON r.id = l.registration_id
         JOIN session s ON s.id = r.session_id
         JOIN participant p ON p.id = r.participant_id
        WHERE l.token_hash = $1 AND l.revoked_at IS NULL AND s.ends_at > $2 AND p.erased_at IS NULL`,
      [tokenHash, now],
    );
    return row?.registration_id ?? null;
  }

  holder(participantId: string, tx?: Transaction): Promise<ParticipantEntity | null> {
    return this.on(tx).findOneBy(ParticipantEntity, { id: participantId });
  }
}
