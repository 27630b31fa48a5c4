import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent, type SessionLoadAfter } from '@app/events';
import { RegistrationMessageKind } from './registration-message-kinds';
import { RegistrationMessagesRepository, type SessionLoad } from './registration-messages.repository';
import { StaffRecipients } from './staff-recipients';

/** From this many people waiting, hosts hear it: time to think about a second table. */
export const WAITLIST_LONG_THRESHOLD = 5;

export type { SessionLoad };

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
  constructor(
    private readonly clock: Clock,
    private readonly messages: RegistrationMessagesRepository,
    private readonly staff: StaffRecipients,
  ) {}

  @OnEvent({ name: 'registrations.recorded', order: 110 })
  async onRegistrationsRecorded(manager: Transaction, { events, loads }: EventMap['registrations.recorded']): Promise<void> {
    const sessionIds = [...new Set(events.map((e) => e.sessionId))];
    // An arrival read its session's load under the lock already; anything else is read here.
    if (loads && sessionIds.every((id) => loads.some((load) => load.id === id))) await this.compare(manager, loads);
    else await this.evaluate(manager, sessionIds);
  }

  /** After the waiting list moved up (order 10). */
  @OnEvent({ name: 'session.capacityChanged', order: 110 })
  async onCapacityChanged(manager: Transaction, { session }: EventMap['session.capacityChanged']): Promise<void> {
    await this.evaluate(manager, [session.id]);
  }

  /** After registrations and shifts recorded the cancellation (orders 10, 20). */
  @OnEvent({ name: 'sessions.cancelled', order: 110 })
  async onSessionsCancelled(manager: Transaction, { sessionIds }: EventMap['sessions.cancelled']): Promise<void> {
    await this.evaluate(manager, sessionIds);
  }

  /**
   * One read of the loads and stored states for all the sessions, and a write only where a condition began
   * or ended. No extra lock: every caller already holds the sessions' row locks.
   */
  async evaluate(manager: Transaction, sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.compare(manager, await this.messages.loadsWithAlertStates(manager, sessionIds));
  }

  private async compare(manager: Transaction, loads: SessionLoadAfter[]): Promise<void> {
    for (const load of loads) {
      for (const condition of ALERT_CONDITIONS) {
        const state = load.alerts.find((row) => row.condition === condition.kind) ?? { active: false, episodes: 0 };
        const holds = condition.holds(load);
        if (holds !== state.active) await this.transition(manager, load.id, condition.kind, holds, holds ? state.episodes + 1 : state.episodes);
      }
    }
  }

  private async transition(manager: Transaction, sessionId: string, kind: RegistrationMessageKind, active: boolean, episodes: number): Promise<void> {
    await this.messages.saveAlertState(manager, sessionId, kind, active, episodes);
    if (!active) return;
    const now = this.clock.now();
    const staff = await this.staff.sessionStaff(manager, sessionId);
    await this.staff.write(
      manager,
      staff.map((userId) => ({ kind, userId, sessionId, dueAt: now, dedupeKey: `${kind}|${sessionId}|${episodes}|${userId}` })),
    );
  }
}
