import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { ChildcareStatus, RegistrationChildEntity } from '../entities';
import type { ValidChild } from './children-rules';

export interface ChildcareSettings {
  childcareCapacity: number | null;
  listsChildren: boolean;
}

export interface FamilyRow {
  id: string;
  children: number;
  childcare_status: ChildcareStatus | null;
}

/** Children counted per session: placed and waiting for childcare. */
export interface ChildcareCounts {
  capacity: number | null;
  placed: number;
  waitlisted: number;
}

/** The children columns of registration, the registration_child table, and the programme's childcare settings (read from scheduling). */
@Injectable()
export class ChildcareRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async settingsOfSession(sessionId: string, tx?: Transaction): Promise<ChildcareSettings> {
    const [row] = await this.on(tx).query<{ childcare_capacity: number | null; lists_children: boolean }[]>(
      `SELECT p.childcare_capacity, p.lists_children FROM session s JOIN programme p ON p.id = s.programme_id WHERE s.id = $1`,
      [sessionId],
    );
    return { childcareCapacity: row?.childcare_capacity ?? null, listsChildren: row?.lists_children ?? false };
  }

  /** The session's live registrations that bring children, in order of arrival. */
  families(sessionId: string, tx?: Transaction): Promise<FamilyRow[]> {
    return this.on(tx).query<FamilyRow[]>(
      `SELECT id, children, childcare_status FROM registration WHERE session_id = $1 AND status <> 'CANCELLED' AND children > 0 ORDER BY arrival`,
      [sessionId],
    );
  }

  async setFamily(registrationId: string, children: number, status: ChildcareStatus | null, tx?: Transaction): Promise<void> {
    await this.on(tx).query(`UPDATE registration SET children = $2, childcare_status = $3, updated_at = now() WHERE id = $1`, [
      registrationId,
      children,
      status,
    ]);
  }

  async setChildcareStatus(registrationIds: readonly string[], status: ChildcareStatus | null, tx?: Transaction): Promise<void> {
    if (registrationIds.length === 0) return;
    await this.on(tx).query(`UPDATE registration SET childcare_status = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [[...registrationIds], status]);
  }

  async replaceChildren(registrationId: string, children: readonly ValidChild[], tx?: Transaction): Promise<void> {
    const manager = this.on(tx);
    await manager.delete(RegistrationChildEntity, { registrationId });
    if (children.length === 0) return;
    await manager.insert(
      RegistrationChildEntity,
      children.map((child, index) => ({ registrationId, position: index + 1, ...child })),
    );
  }

  childrenOf(registrationIds: readonly string[], tx?: Transaction): Promise<RegistrationChildEntity[]> {
    if (registrationIds.length === 0) return Promise.resolve([]);
    return this.on(tx)
      .getRepository(RegistrationChildEntity)
      .find({ where: { registrationId: In([...registrationIds]) }, order: { registrationId: 'ASC', position: 'ASC' } });
  }

  /** session id → its childcare counts; sessions of programmes without childcare have capacity null. */
  async counts(sessionIds: readonly string[], tx?: Transaction): Promise<Map<string, ChildcareCounts>> {
    const rows = await this.on(tx).query<({ session_id: string } & ChildcareCounts)[]>(
      `SELECT s.id AS session_id, p.childcare_capacity AS capacity,
              coalesce(sum(r.children) FILTER (WHERE r.childcare_status = 'PLACED'), 0)::int AS placed,
              coalesce(sum(r.children) FILTER (WHERE r.childcare_status = 'WAITLISTED'), 0)::int AS waitlisted
         FROM session s JOIN programme p ON p.id = s.programme_id
         LEFT JOIN registration r ON r.session_id = s.id AND r.status <> 'CANCELLED'
        WHERE s.id = ANY($1::uuid[])
        GROUP BY s.id, p.childcare_capacity`,
      [[...sessionIds]],
    );
    return new Map(rows.map(({ session_id, ...counts }) => [session_id, counts]));
  }

  /** registration id → its family's place in the childcare waiting order (1 = first), for WAITLISTED ones. */
  async waitingPositions(registrationIds: readonly string[], tx?: Transaction): Promise<Map<string, number>> {
    const rows = await this.on(tx).query<{ id: string; position: number }[]>(
      `SELECT id, position FROM (
         SELECT r.id, row_number() OVER (PARTITION BY r.session_id ORDER BY r.arrival)::int AS position
           FROM registration r
          WHERE r.childcare_status = 'WAITLISTED' AND r.status <> 'CANCELLED'
            AND r.session_id IN (SELECT session_id FROM registration WHERE id = ANY($1::uuid[]))
       ) ranked WHERE id = ANY($1::uuid[])`,
      [[...registrationIds]],
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  /** Upcoming scheduled sessions of a programme, for a changed childcare capacity. */
  async upcomingSessionIds(programmeId: string, now: Date, tx?: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(
      `SELECT id FROM session WHERE programme_id = $1 AND status = 'SCHEDULED' AND starts_at > $2 ORDER BY id`,
      [programmeId, now],
    );
    return rows.map((row) => row.id);
  }
}
