import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { EntityManager } from 'typeorm';
import { DomainEvents } from './domain-events';
import { EventMap } from './event-map';
import { EventRegistry } from './event-registry';
import { EventsModule } from './events.module';
import { OnEvent } from './on-event';

/** A stand-in for a transaction: writes land in `pending` and reach `committed` only when the work resolves. */
function fakeDatabase() {
  const committed: string[] = [];
  return {
    committed,
    async transaction(work: (manager: EntityManager & { pending: string[] }) => Promise<void>): Promise<void> {
      const manager = { pending: [] as string[] } as unknown as EntityManager & { pending: string[] };
      await work(manager);
      committed.push(...manager.pending);
    },
  };
}

const calls: string[] = [];

@Injectable()
class Outbox {
  @OnEvent({ name: 'sessions.cancelled', order: 100 })
  async write(manager: EntityManager & { pending?: string[] }, { sessionIds }: EventMap['sessions.cancelled']): Promise<void> {
    calls.push(`Outbox.write ${sessionIds.join(',')}`);
    manager.pending?.push('outbox row');
  }
}

@Injectable()
class Registrations {
  @OnEvent({ name: 'sessions.cancelled', order: 10 })
  async cancel(manager: EntityManager & { pending?: string[] }): Promise<void> {
    calls.push('Registrations.cancel');
    manager.pending?.push('registration cancelled');
  }

  @OnEvent({ name: 'sessions.inUse' })
  async inUse(_manager: EntityManager, { sessionIds, inUse }: EventMap['sessions.inUse']): Promise<void> {
    inUse.add(sessionIds[0]);
  }
}

@Injectable()
class Shifts {
  @OnEvent({ name: 'sessions.cancelled', order: 10 })
  async cancel(manager: EntityManager & { pending?: string[] }): Promise<void> {
    calls.push('Shifts.cancel');
    if (manager.pending) throw new Error('shift table locked');
  }
}

async function boot(...providers: (new (...args: never[]) => object)[]): Promise<DomainEvents> {
  const module = await Test.createTestingModule({ imports: [EventsModule], providers }).compile();
  await module.init();
  return module.get(DomainEvents);
}

describe('DomainEvents', () => {
  beforeEach(() => (calls.length = 0));

  it('finds the @OnEvent methods of every provider at start-up and runs them by order, then class and method name', async () => {
    const events = await boot(Outbox, Shifts, Registrations);
    await events.emit({} as EntityManager, 'sessions.cancelled', { sessionIds: ['s1'], actorId: null });
    expect(calls).toEqual(['Registrations.cancel', 'Shifts.cancel', 'Outbox.write s1']);
  });

  it('lets handlers answer a question through the payload', async () => {
    const events = await boot(Registrations);
    const inUse = new Set<string>();
    await events.emit({} as EntityManager, 'sessions.inUse', { sessionIds: ['s1', 's2'], inUse });
    expect([...inUse]).toEqual(['s1']);
  });

  it('passes the caller’s manager to every handler and lets an error roll the whole transaction back', async () => {
    const events = await boot(Outbox, Shifts, Registrations);
    const database = fakeDatabase();
    await expect(database.transaction((manager) => events.emit(manager, 'sessions.cancelled', { sessionIds: ['s1'], actorId: null }))).rejects.toThrow(
      'shift table locked',
    );
    // The handler after the failing one never ran, and the earlier one's write was not committed.
    expect(calls).toEqual(['Registrations.cancel', 'Shifts.cancel']);
    expect(database.committed).toEqual([]);
  });

  it('commits what the handlers wrote when they all succeed', async () => {
    const events = await boot(Outbox, Registrations);
    const database = fakeDatabase();
    await database.transaction((manager) => events.emit(manager, 'sessions.cancelled', { sessionIds: ['s1'], actorId: null }));
    expect(database.committed).toEqual(['registration cancelled', 'outbox row']);
  });

  it('refuses to start when a handler names an event that does not exist', async () => {
    @Injectable()
    class Stale {
      // The type check refuses the name; the cast stands for a handler compiled against an older map.
      @OnEvent({ name: 'session.deleted' as 'session.moved' })
      async handle(): Promise<void> {}
    }
    await expect(boot(Stale)).rejects.toThrow('@OnEvent names unknown events: Stale.handle → "session.deleted"');
  });

  it('fails loudly when an event whose effect is the point has no handler in the application', async () => {
    const events = await boot(Registrations);
    await expect(events.emit({} as EntityManager, 'registrationCode.issued', { request: { id: 'r', sessionId: 's' }, code: '123456' })).rejects.toThrow(
      'no handler for event "registrationCode.issued"',
    );
    await expect(events.emit({} as EntityManager, 'stands.changed', { events: [] })).resolves.toBeUndefined();
  });

  it('lists the wiring one line per event, handlers in order', () => {
    const run = async () => undefined;
    const registry = new EventRegistry([
      { name: 'session.moved', order: 100, className: 'NotificationOutbox', methodName: 'onSessionMoved', run },
      { name: 'session.moved', order: 20, className: 'ShiftsService', methodName: 'onSessionMoved', run },
    ]);
    expect(registry.describe()).toContain('session.moved → ShiftsService.onSessionMoved, NotificationOutbox.onSessionMoved');
    expect(registry.describe()).toContain('stands.changed → (no handler here)');
  });
});
