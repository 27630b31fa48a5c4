import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { RegistrationEvents } from '@app/registrations';
import { SessionHooks } from '@app/scheduling';
import { MessageKind } from '../templates/message-kinds';
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
  return manager.query<SessionLoad[]>(
    `SELECT s.id, s.capacity, s.status,
            count(r.id) FILTER (WHERE r.status IN ('CONFIRMED', 'ATTENDED', 'NO_SHOW'))::int AS seated,
            count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
       FROM session s LEFT JOIN registration r ON r.session_id = s.id
      WHERE s.id = ANY($1::uuid[]) GROUP BY s.id`,
    [[...sessionIds]],
  );
}

export const ALERT_CONDITIONS: { kind: MessageKind; holds: (load: SessionLoad) => boolean }[] = [
  { kind: MessageKind.SESSION_FULL, holds: (load) => load.status === 'SCHEDULED' && load.seated >= load.capacity },
  { kind: MessageKind.WAITLIST_LONG, holds: (load) => load.status === 'SCHEDULED' && load.waitlisted >= WAITLIST_LONG_THRESHOLD },
];

/**
 * Capacity alerts to hosts and coordinators, once per episode: when a session becomes full (or its
 * waiting list long), not on every registration while it stays so. Runs in the transaction of the
 * change, which already holds the session's row lock, so episodes are counted one at a time.
 */
@Injectable()
export class CapacityAlerts implements OnModuleInit {
  constructor(
    private readonly events: RegistrationEvents,
    private readonly sessionHooks: SessionHooks,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe({ onRegistrationEvents: (manager, events) => this.evaluate(manager, [...new Set(events.map((e) => e.sessionId))]) });
    this.sessionHooks.register({
      capacityChanged: (manager, session) => this.evaluate(manager, [session.id]),
      sessionsCancelled: (manager, sessionIds) => this.evaluate(manager, sessionIds),
    });
  }

  async evaluate(manager: EntityManager, sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    for (const load of await sessionLoads(manager, sessionIds)) {
      for (const condition of ALERT_CONDITIONS) await this.transition(manager, load.id, condition.kind, condition.holds(load));
    }
  }

  private async transition(manager: EntityManager, sessionId: string, kind: MessageKind, holds: boolean): Promise<void> {
    await manager.query(`INSERT INTO session_alert (session_id, condition) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [sessionId, kind]);
    const [state] = await manager.query<{ active: boolean; episodes: number }[]>(`SELECT active, episodes FROM session_alert WHERE session_id = $1 AND condition = $2 FOR UPDATE`, [sessionId, kind]);
    if (holds === state.active) return;
    if (!holds) {
      await manager.query(`UPDATE session_alert SET active = false WHERE session_id = $1 AND condition = $2`, [sessionId, kind]);
      return;
    }
    const episode = state.episodes + 1;
    await manager.query(`UPDATE session_alert SET active = true, episodes = $3 WHERE session_id = $1 AND condition = $2`, [sessionId, kind, episode]);
    for (const userId of await sessionStaff(manager, sessionId)) {
      await insertStaffNotification(manager, { kind, userId, sessionId, dueAt: this.clock.now(), dedupeKey: `${kind}|${sessionId}|${episode}|${userId}` });
    }
  }
}
