import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { EventMap, OnEvent } from '@app/events';
import { seatCounts } from '../registrations/seat-counts';
import { RegistrationMessageKind } from './registration-message-kinds';
import { insertStaffNotification, sessionStaff } from './staff-recipients';

/** From this many people waiting, hosts hear it: time to think about a second table. */
export const WAITLIST_LONG_THRESHOLD = 5;

export interface SessionLoad {
  id: string;
  capacity: number;
  status: string;
  seated: number;
  waitlisted: number;
}

export async function sessionLoads(manager: EntityManager, sessionIds: readonly string[]): Promise<SessionLoad[]> {
  const sessions = await manager.query<{ id: string; capacity: number; status: string }[]>(`SELECT id, capacity, status FROM session WHERE id = ANY($1::uuid[])`, [[...sessionIds]]);
  const counts = await seatCounts(manager, sessions.map((session) => session.id));
  return sessions.map((session) => ({ ...session, ...counts.get(session.id)! }));
}

export const ALERT_CONDITIONS: { kind: RegistrationMessageKind; holds: (load: SessionLoad) => boolean }[] = [
  { kind: RegistrationMessageKind.SESSION_FULL, holds: (load) => load.status === 'SCHEDULED' && load.seated >= load.capacity },
  { kind: RegistrationMessageKind.WAITLIST_LONG, holds: (load) => load.status === 'SCHEDULED' && load.waitlisted >= WAITLIST_LONG_THRESHOLD },
];

/**
 * Capacity alerts to hosts and coordinators, once per episode: when a session becomes full (or its
 * waiting list long), not on every registration while it stays so. Runs in the transaction of the
 * change, which already holds the session's row lock, so episodes are counted one at a time.
 */
@Injectable()
export class CapacityAlerts {
  constructor(private readonly clock: Clock) {}

  @OnEvent({ name: 'registrations.recorded', order: 110 })
  async onRegistrationsRecorded(manager: EntityManager, { events }: EventMap['registrations.recorded']): Promise<void> {
    await this.evaluate(manager, [...new Set(events.map((e) => e.sessionId))]);
  }

  /** After the waiting list moved up (order 10). */
  @OnEvent({ name: 'session.capacityChanged', order: 110 })
  async onCapacityChanged(manager: EntityManager, { session }: EventMap['session.capacityChanged']): Promise<void> {
    await this.evaluate(manager, [session.id]);
  }

  /** After registrations and shifts recorded the cancellation (orders 10, 20). */
  @OnEvent({ name: 'sessions.cancelled', order: 110 })
  async onSessionsCancelled(manager: EntityManager, { sessionIds }: EventMap['sessions.cancelled']): Promise<void> {
    await this.evaluate(manager, sessionIds);
  }

  /**
   * One read of the stored states for all the sessions, and a write only where a condition began
   * or ended. No extra lock: every caller already holds the sessions' row locks.
   */
  async evaluate(manager: EntityManager, sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const loads = await sessionLoads(manager, sessionIds);
    const stored = await manager.query<{ session_id: string; condition: string; active: boolean; episodes: number }[]>(
      `SELECT session_id, condition, active, episodes FROM session_alert WHERE session_id = ANY($1::uuid[])`,
      [sessionIds],
    );
    const stateOf = (sessionId: string, kind: RegistrationMessageKind) => stored.find((row) => row.session_id === sessionId && row.condition === kind) ?? { active: false, episodes: 0 };
    for (const load of loads) {
      for (const condition of ALERT_CONDITIONS) {
        const state = stateOf(load.id, condition.kind);
        const holds = condition.holds(load);
        if (holds !== state.active) await this.transition(manager, load.id, condition.kind, holds, holds ? state.episodes + 1 : state.episodes);
      }
    }
  }

  private async transition(manager: EntityManager, sessionId: string, kind: RegistrationMessageKind, active: boolean, episodes: number): Promise<void> {
    await manager.query(
      `INSERT INTO session_alert (session_id, condition, active, episodes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, condition) DO UPDATE SET active = EXCLUDED.active, episodes = EXCLUDED.episodes`,
      [sessionId, kind, active, episodes],
    );
    if (!active) return;
    for (const userId of await sessionStaff(manager, sessionId)) {
      await insertStaffNotification(manager, { kind, userId, sessionId, dueAt: this.clock.now(), dedupeKey: `${kind}|${sessionId}|${episodes}|${userId}` });
    }
  }
}
