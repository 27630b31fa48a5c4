import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager, In } from 'typeorm';
import { auditScope, BaseRepository, entityFromRow, Transaction } from '@app/database';
import type { RecordedRegistrationEvent, SessionLoadAfter } from '@app/events';
import { type SessionEntity, sessionResponsibles, SessionSeriesEntity } from '@app/scheduling';
import type { ChildcareSettings } from '../childcare/childcare.repository';
import { LIVE_REGISTRATION_STATUSES, RegistrationEntity, RegistrationStatus, SEATED_REGISTRATION_STATUSES } from '../entities';
import type { SessionScope } from '../registration-policy';
import { INSERT_ARRIVAL_SQL, LOCK_SESSION_FOR_ARRIVAL_SQL } from './arrival-sql';
import { SEAT_COUNTS_SQL, SessionCounts } from './seat-counts';

/** What an arrival needs of its locked session. */
export type ArrivalSession = Pick<SessionEntity, 'id' | 'capacity' | 'status' | 'startsAt' | 'programmeId'>;

export interface NewArrival {
  /** Drawn by the caller: the personal link's hash is derived from it. */
  id: string;
  linkTokenHash: string;
  sessionId: string;
  capacity: number;
  participantId: string;
  /** null: the newcomer registered themself. */
  actorId: string | null;
  seriesId: string | null;
}

/** The registration written, the event recorded with it, and what its listeners need, as read under the lock. */
export interface Arrival {
  registration: RegistrationEntity;
  event: RecordedRegistrationEvent;
  childcare: ChildcareSettings;
  startsAt: Date;
  reminderOffsetsMinutes: number[];
  load: SessionLoadAfter;
}

const LIVE = [...LIVE_REGISTRATION_STATUSES];
/** Not yet attended: what a cancelled session or series ends. */
const ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED, RegistrationStatus.WAITLISTED];

/**
 * Seated and waiting per session, in one statement; sessions without registrations count 0 and 0.
 * Also exported on its own for the capacity alerts, which take the caller's manager, until they
 * move into this lib's messages and can use the repository.
 */
export async function seatCounts(manager: EntityManager, sessionIds: readonly string[]): Promise<Map<string, SessionCounts>> {
  const rows = await manager.query<({ session_id: string } & SessionCounts)[]>(SEAT_COUNTS_SQL, [[...sessionIds], [...SEATED_REGISTRATION_STATUSES]]);
  const counts = new Map(rows.map((row) => [row.session_id, { seated: row.seated, waitlisted: row.waitlisted }]));
  for (const id of sessionIds) if (!counts.has(id)) counts.set(id, { seated: 0, waitlisted: 0 });
  return counts;
}

/** The registration table; reads scheduling's sessions and series (registrations depends on scheduling). */
@Injectable()
export class RegistrationsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  seatCounts(sessionIds: readonly string[], tx?: Transaction): Promise<Map<string, SessionCounts>> {
    return seatCounts(this.on(tx), sessionIds);
  }

  /** Who is responsible for each session (scheduling's read), in the caller's transaction or on its own. */
  scopes(sessionIds: readonly string[], tx?: Transaction): Promise<Map<string, SessionScope>> {
    return sessionResponsibles(this.on(tx), sessionIds);
  }

  /** Locks the session row for an arrival, reads its scope and sets the audit scope, in one statement; null for an unknown session. */
  async lockForArrival(sessionId: string, tx: Transaction): Promise<{ session: ArrivalSession; scope: SessionScope } | null> {
    const [row] = await tx.query<
      { id: string; capacity: number; status: SessionEntity['status']; starts_at: Date; programme_id: string; organisation_id: string; host_ids: string[] }[]
    >(LOCK_SESSION_FOR_ARRIVAL_SQL, [sessionId, ...auditScope.parameters(auditScope.current())]);
    if (!row) return null;
    auditScope.applied(tx);
    return {
      session: { id: row.id, capacity: row.capacity, status: row.status, startsAt: row.starts_at, programmeId: row.programme_id },
      scope: { organisationId: row.organisation_id, hostIds: row.host_ids },
    };
  }

  /** Seated or waitlisted, and its event, in one statement under the caller's session lock (arrival-sql). */
  async insertArrival(arrival: NewArrival, tx: Transaction): Promise<Arrival> {
    const [row] = await tx.query<Record<string, unknown>[]>(INSERT_ARRIVAL_SQL, [
      arrival.sessionId,
      arrival.participantId,
      arrival.actorId,
      arrival.seriesId,
      arrival.capacity,
      [...SEATED_REGISTRATION_STATUSES],
      arrival.id,
      arrival.linkTokenHash,
    ]);
    const registration = entityFromRow(tx, RegistrationEntity, row);
    return {
      registration,
      event: {
        id: row.event_id as string,
        kind: row.event_kind as string,
        registrationId: registration.id,
        sessionId: registration.sessionId,
        participantId: registration.participantId,
        waitlistPosition: row.event_waitlist_position as number | null,
        linkWritten: true,
      },
      childcare: { childcareCapacity: row.childcare_capacity as number | null, listsChildren: row.lists_children as boolean },
      startsAt: row.session_starts_at as Date,
      reminderOffsetsMinutes: row.reminder_offsets_minutes as number[],
      load: {
        id: registration.sessionId,
        capacity: row.session_capacity as number,
        status: row.session_status as string,
        seated: row.seated_after as number,
        waitlisted: row.waitlisted_after as number,
        alerts: row.alerts as SessionLoadAfter['alerts'],
      },
    };
  }

  seriesExists(seriesId: string, tx?: Transaction): Promise<boolean> {
    return this.on(tx).existsBy(SessionSeriesEntity, { id: seriesId });
  }

  /** Whether someone with this phone holds a registration (not cancelled) in the session. */
  async phoneRegisteredInSession(sessionId: string, phone: string | null, tx?: Transaction): Promise<boolean> {
    const [registered] = await this.on(tx).query<{ id: string }[]>(
      `SELECT r.id FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.session_id = $1 AND p.phone = $2 AND r.status <> 'CANCELLED' LIMIT 1`,
      [sessionId, phone],
    );
    return !!registered;
  }

  liveRegistration(sessionId: string, participantId: string, tx?: Transaction): Promise<RegistrationEntity | null> {
    return this.on(tx).findOneBy(RegistrationEntity, { sessionId, participantId, status: In(LIVE) });
  }

  /** CONFIRMED, OFFERED or WAITLISTED ones of the sessions; of one participant when given. */
  activeInSessions(sessionIds: string[], participantId: string | null, tx?: Transaction): Promise<RegistrationEntity[]> {
    if (participantId === null) return this.on(tx).findBy(RegistrationEntity, { sessionId: In(sessionIds), status: In(ACTIVE) });
    return this.on(tx).findBy(RegistrationEntity, { sessionId: In(sessionIds), participantId, status: In(ACTIVE) });
  }

  findById(id: string, tx?: Transaction): Promise<RegistrationEntity | null> {
    return this.on(tx).getRepository(RegistrationEntity).findOneBy({ id });
  }

  findByIdOrFail(id: string, tx?: Transaction): Promise<RegistrationEntity> {
    return this.on(tx).findOneByOrFail(RegistrationEntity, { id });
  }

  findByIds(ids: readonly string[], tx?: Transaction): Promise<RegistrationEntity[]> {
    return this.on(tx)
      .getRepository(RegistrationEntity)
      .findBy({ id: In([...ids]) });
  }

  async sessionIdOf(registrationId: string, tx?: Transaction): Promise<string | null> {
    const [row] = await this.on(tx).query<{ session_id: string }[]>(`SELECT session_id FROM registration WHERE id = $1`, [registrationId]);
    return row?.session_id ?? null;
  }

  /** A new row; the partial unique index refuses a second live registration (the caller maps the error). */
  insert(registration: DeepPartial<RegistrationEntity>, tx?: Transaction): Promise<RegistrationEntity> {
    return this.on(tx).getRepository(RegistrationEntity).save(registration) as Promise<RegistrationEntity>;
  }

  save(registration: RegistrationEntity, tx?: Transaction): Promise<RegistrationEntity> {
    return this.on(tx).save(registration);
  }

  /** registration id → position on its session's waiting list (1 = next), for WAITLISTED ones. */
  async waitlistPositions(registrationIds: readonly string[], tx?: Transaction): Promise<Map<string, number>> {
    const rows = await this.on(tx).query<{ id: string; position: number }[]>(
      `SELECT id, position FROM (
         SELECT r.id, row_number() OVER (PARTITION BY r.session_id ORDER BY r.arrival)::int AS position
           FROM registration r
          WHERE r.status = 'WAITLISTED' AND r.session_id IN (SELECT session_id FROM registration WHERE id = ANY($1::uuid[]))
       ) ranked WHERE id = ANY($1::uuid[])`,
      [[...registrationIds]],
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  /** One participant's registrations, the latest session first. */
  byParticipantId(participantId: string, tx?: Transaction): Promise<RegistrationEntity[]> {
    return this.on(tx)
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .innerJoin('session', 's', 's.id = r.session_id')
      .where('r.participant_id = :participantId', { participantId })
      .orderBy('s.starts_at', 'DESC')
      .addOrderBy('r.arrival', 'DESC')
      .getMany();
  }

  /** The sessions' registrations: seated ones in order of arrival, then the waiting list in order. */
  bySessionIds(sessionIds: readonly string[], includeCancelled: boolean, tx?: Transaction): Promise<RegistrationEntity[]> {
    const query = this.on(tx)
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .where('r.session_id IN (:...sessionIds)', { sessionIds: [...sessionIds] })
      .orderBy(`CASE r.status WHEN 'WAITLISTED' THEN 1 WHEN 'CANCELLED' THEN 2 ELSE 0 END`)
      .addOrderBy('r.arrival');
    if (!includeCancelled) query.andWhere(`r.status <> 'CANCELLED'`);
    return query.getMany();
  }

  async sessionsWithLiveRegistrations(sessionIds: string[], tx?: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ session_id: string }[]>(
      `SELECT DISTINCT session_id FROM registration WHERE session_id = ANY($1::uuid[]) AND status <> 'CANCELLED'`,
      [sessionIds],
    );
    return rows.map((row) => row.session_id);
  }
}
