import type { EntityManager } from 'typeorm';
import { EVENT_NAMES, EVENTS_THAT_NEED_A_HANDLER, EventMap, EventName } from './event-map';

export interface DiscoveredHandler {
  name: string;
  order: number;
  className: string;
  methodName: string;
  run: (manager: EntityManager, payload: never) => Promise<unknown>;
}

/** The handlers of each event in the order they run: by `order`, then class, then method name, so never by module load order. */
export class EventRegistry {
  private readonly byName = new Map<EventName, DiscoveredHandler[]>();

  constructor(handlers: DiscoveredHandler[]) {
    const unknown = handlers.filter((handler) => !EVENT_NAMES.includes(handler.name as EventName));
    if (unknown.length) throw new Error(`@OnEvent names unknown events: ${unknown.map((h) => `${h.className}.${h.methodName} → "${h.name}"`).join(', ')}`);
    for (const handler of [...handlers].sort(compareHandlers)) {
      const list = this.byName.get(handler.name as EventName) ?? [];
      list.push(handler);
      this.byName.set(handler.name as EventName, list);
    }
  }

  handlersOf(name: EventName): readonly DiscoveredHandler[] {
    return this.byName.get(name) ?? [];
  }

  /** One line per event: its handlers in order (for the start-up log). */
  describe(): string[] {
    return EVENT_NAMES.map(
      (name) =>
        `${name} → ${
          this.handlersOf(name)
            .map((h) => `${h.className}.${h.methodName}`)
            .join(', ') || '(no handler here)'
        }`,
    );
  }

  /** Awaits each handler in turn with the caller's manager; the first error propagates, so the caller's transaction rolls back. */
  async emit<N extends EventName>(manager: EntityManager, name: N, payload: EventMap[N]): Promise<void> {
    const handlers = this.handlersOf(name);
    if (handlers.length === 0 && EVENTS_THAT_NEED_A_HANDLER.has(name)) throw new Error(`no handler for event "${name}" in this application`);
    for (const handler of handlers) await handler.run(manager, payload as never);
  }
}

function compareHandlers(a: DiscoveredHandler, b: DiscoveredHandler): number {
  return a.order - b.order || a.className.localeCompare(b.className) || a.methodName.localeCompare(b.methodName);
}
