import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ProgrammeEntity, SessionEntity } from '../entities';

/**
 * What other domains need to do, inside scheduling's own transaction, when sessions change.
 * Registrations implement it (promote the waiting list, record "session cancelled"), without
 * scheduling knowing registrations exist.
 */
export interface SessionHook {
  sessionsCancelled?(manager: EntityManager, sessionIds: string[], actorId: string | null): Promise<void>;
  capacityChanged?(manager: EntityManager, session: SessionEntity, actorId: string | null): Promise<void>;
  sessionMoved?(manager: EntityManager, session: SessionEntity, previousStartsAt: Date, actorId: string | null): Promise<void>;
  reminderOffsetsChanged?(manager: EntityManager, programme: ProgrammeEntity): Promise<void>;
  /** Of these sessions, the ones that must not be deleted (they hold registrations): they are cancelled instead. */
  sessionsInUse?(manager: EntityManager, sessionIds: string[]): Promise<string[]>;
}

@Injectable()
export class SessionHooks {
  private readonly hooks: SessionHook[] = [];

  register(hook: SessionHook): void {
    this.hooks.push(hook);
  }

  async sessionsCancelled(manager: EntityManager, sessionIds: string[], actorId: string | null): Promise<void> {
    if (sessionIds.length === 0) return;
    for (const hook of this.hooks) await hook.sessionsCancelled?.(manager, sessionIds, actorId);
  }

  async capacityChanged(manager: EntityManager, session: SessionEntity, actorId: string | null): Promise<void> {
    for (const hook of this.hooks) await hook.capacityChanged?.(manager, session, actorId);
  }

  async sessionMoved(manager: EntityManager, session: SessionEntity, previousStartsAt: Date, actorId: string | null): Promise<void> {
    for (const hook of this.hooks) await hook.sessionMoved?.(manager, session, previousStartsAt, actorId);
  }

  async reminderOffsetsChanged(manager: EntityManager, programme: ProgrammeEntity): Promise<void> {
    for (const hook of this.hooks) await hook.reminderOffsetsChanged?.(manager, programme);
  }

  async sessionsInUse(manager: EntityManager, sessionIds: string[]): Promise<Set<string>> {
    const inUse = new Set<string>();
    if (sessionIds.length === 0) return inUse;
    for (const hook of this.hooks) for (const id of (await hook.sessionsInUse?.(manager, sessionIds)) ?? []) inUse.add(id);
    return inUse;
  }
}
