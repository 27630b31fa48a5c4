import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { RegistrationEntity, RegistrationStatus } from '../entities';
import { seatCounts } from '../registrations/registrations.repository';
import { DEFAULT_SEAT_OFFER_SETTINGS, SeatOfferSettings } from './seat-offer-rules';

export interface ChangedRow {
  id: string;
  session_id: string;
  participant_id: string;
}

/** The offer side of the registration table, and the programme's offer settings (scheduling's table, read only). */
@Injectable()
export class SeatOffersRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async settingsOf(programmeId: string, tx: Transaction): Promise<SeatOfferSettings> {
    const [row] = await this.on(tx).query<{ window_minutes: number; hold_minutes: number }[]>(
      `SELECT seat_offer_window_minutes AS window_minutes, seat_offer_hold_minutes AS hold_minutes FROM programme WHERE id = $1`,
      [programmeId],
    );
    return row ? { windowMinutes: row.window_minutes, holdMinutes: row.hold_minutes } : DEFAULT_SEAT_OFFER_SETTINGS;
  }

  /** Confirms the first `free` on the session's waiting list, in order of arrival. */
  async promote(sessionId: string, free: number, tx: Transaction): Promise<ChangedRow[]> {
    return this.moveFirstWaiting(sessionId, free, `status = 'CONFIRMED'`, [], tx);
  }

  /** Offers a seat to each of the first `free` on the session's waiting list, in order of arrival, until `expiresAt`. */
  async offer(sessionId: string, free: number, expiresAt: Date, tx: Transaction): Promise<ChangedRow[]> {
    return this.moveFirstWaiting(sessionId, free, `status = 'OFFERED', seat_offer_expires_at = $3`, [expiresAt], tx);
  }

  /** Sessions holding an offer that ran out by `now`, the soonest first. */
  async sessionsWithDueOffers(now: Date, limit: number): Promise<string[]> {
    const rows = await this.on().query<{ session_id: string }[]>(
      `SELECT session_id FROM registration WHERE status = 'OFFERED' AND seat_offer_expires_at <= $1
        GROUP BY session_id ORDER BY min(seat_offer_expires_at) LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.session_id);
  }

  /** The session's offers that ran out by `now`, in the order they were made; read under the session lock. */
  dueOffersOf(sessionId: string, now: Date, tx: Transaction): Promise<RegistrationEntity[]> {
    return this.on(tx)
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .where('r.session_id = :sessionId AND r.status = :offered AND r.seat_offer_expires_at <= :now', {
        sessionId,
        offered: RegistrationStatus.OFFERED,
        now,
      })
      .orderBy('r.arrival')
      .getMany();
  }

  async seatedCount(sessionId: string, tx: Transaction): Promise<number> {
    return (await seatCounts(this.on(tx), [sessionId])).get(sessionId)!.seated;
  }

  findById(id: string, tx: Transaction): Promise<RegistrationEntity | null> {
    return this.on(tx).findOneBy(RegistrationEntity, { id });
  }

  async sessionIdOf(registrationId: string, tx: Transaction): Promise<string | null> {
    const [row] = await this.on(tx).query<{ session_id: string }[]>(`SELECT session_id FROM registration WHERE id = $1`, [registrationId]);
    return row?.session_id ?? null;
  }

  save(registration: RegistrationEntity, tx: Transaction): Promise<RegistrationEntity> {
    return this.on(tx).save(registration);
  }

  private async moveFirstWaiting(sessionId: string, free: number, set: string, extra: unknown[], tx: Transaction): Promise<ChangedRow[]> {
    const [rows] = await this.on(tx).query<[(ChangedRow & { arrival: string })[], number]>(
      `UPDATE registration SET ${set}, updated_at = now()
        WHERE id IN (SELECT id FROM registration WHERE session_id = $1 AND status = 'WAITLISTED' ORDER BY arrival LIMIT $2)
        RETURNING id, session_id, participant_id, arrival`,
      [sessionId, free, ...extra],
    );
    // RETURNING does not keep the subquery's order, and the events must show the order of arrival.
    return rows
      .sort((a, b) => (BigInt(a.arrival) < BigInt(b.arrival) ? -1 : 1))
      .map(({ id, session_id, participant_id }) => ({ id, session_id, participant_id }));
  }
}
