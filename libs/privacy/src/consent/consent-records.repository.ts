import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';

export interface ConsentRecord {
  participantId: string;
  consent: boolean;
  recordedAt: Date;
  /** Null for the system (the retention job's erasure). */
  recordedById: string | null;
}

/**
 * The recorded answers, newest first. The participant row's own answer counts too when no record
 * matches it: the one given at registration and the "no" of an erasure are written there only.
 */
const HISTORY = `
  SELECT participant_id AS "participantId", consent, recorded_at AS "recordedAt", recorded_by_id AS "recordedById", created_at
    FROM consent_record WHERE participant_id = $1
  UNION ALL
  SELECT p.id, p.consent_to_contact, p.consent_recorded_at, p.consent_recorded_by_id, p.updated_at
    FROM participant p
   WHERE p.id = $1 AND p.consent_recorded_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM consent_record c WHERE c.participant_id = p.id AND c.recorded_at = p.consent_recorded_at)
  ORDER BY "recordedAt" DESC, created_at DESC`;

@Injectable()
export class ConsentRecordsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async insert(record: ConsentRecord, tx: Transaction): Promise<void> {
    // clock_timestamp(), not the transaction's now(): the answer it replaces (keepCurrentAnswer) may carry the same recorded_at, and sorts before it.
    await tx.query(`INSERT INTO consent_record (participant_id, consent, recorded_at, recorded_by_id, created_at) VALUES ($1, $2, $3, $4, clock_timestamp())`, [
      record.participantId,
      record.consent,
      record.recordedAt,
      record.recordedById,
    ]);
  }

  /**
   * The participant row's answer as a record, before it is overwritten, unless it is one already:
   * the answer given at registration is kept when it first changes.
   */
  async keepCurrentAnswer(participantId: string, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO consent_record (participant_id, consent, recorded_at, recorded_by_id)
       SELECT p.id, p.consent_to_contact, p.consent_recorded_at, p.consent_recorded_by_id FROM participant p
        WHERE p.id = $1 AND p.consent_recorded_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM consent_record c WHERE c.participant_id = p.id AND c.recorded_at = p.consent_recorded_at)`,
      [participantId],
    );
  }

  async history(participantId: string, tx?: Transaction): Promise<ConsentRecord[]> {
    const rows = await this.on(tx).query<(ConsentRecord & { created_at: Date })[]>(HISTORY, [participantId]);
    return rows.map(({ created_at: _order, ...record }) => record);
  }
}
