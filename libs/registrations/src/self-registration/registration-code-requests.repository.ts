import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { SessionEntity } from '@app/scheduling';
import { RegistrationCodeRequestEntity, RegistrationCodeStatus } from '../entities';

/** The registration_code_request table; reads scheduling's session (registrations depends on scheduling). */
@Injectable()
export class RegistrationCodeRequestsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findSession(sessionId: string, tx?: Transaction): Promise<SessionEntity | null> {
    return this.on(tx).findOneBy(SessionEntity, { id: sessionId });
  }

  /** Takes the code requests one at a time (transaction-scoped), so two cannot both take the budget's last place. */
  async lockBudget(tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('oefenkansen:registration-code-budget'))`);
  }

  /** Of the latest `budget` requests expiring after windowStart: how many, and the earliest expiry among them. */
  async recentRequests(windowStart: Date, budget: number, tx?: Transaction): Promise<{ sent: number; oldest: Date | null }> {
    const [row] = await this.on(tx).query<{ sent: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS sent, min(expires_at) AS oldest FROM (SELECT expires_at FROM registration_code_request WHERE expires_at > $1 ORDER BY expires_at DESC LIMIT $2) recent`,
      [windowStart, budget],
    );
    return row;
  }

  /** The pending requests for this phone and session stop counting (DEAD); returns their ids. */
  async killPending(phone: string, sessionId: string, tx?: Transaction): Promise<string[]> {
    const [replaced] = await this.on(tx).query<[{ id: string }[], number]>(
      `UPDATE registration_code_request SET status = $3, updated_at = now() WHERE phone = $1 AND session_id = $2 AND status = $4 RETURNING id`,
      [phone, sessionId, RegistrationCodeStatus.DEAD, RegistrationCodeStatus.PENDING],
    );
    return replaced.map((row) => row.id);
  }

  insert(request: DeepPartial<RegistrationCodeRequestEntity>, tx?: Transaction): Promise<RegistrationCodeRequestEntity> {
    return this.on(tx).getRepository(RegistrationCodeRequestEntity).save(request) as Promise<RegistrationCodeRequestEntity>;
  }

  /** The request row locked (FOR UPDATE) until the caller's transaction ends. */
  findForUpdate(requestId: string, tx: Transaction): Promise<RegistrationCodeRequestEntity | null> {
    return tx.findOne(RegistrationCodeRequestEntity, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
  }

  save(request: RegistrationCodeRequestEntity, tx?: Transaction): Promise<RegistrationCodeRequestEntity> {
    return this.on(tx).save(request);
  }
}
