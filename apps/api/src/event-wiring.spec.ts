import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { EVENT_NAMES, EventRegistry, ON_EVENT, OnEventOptions, type DiscoveredHandler, type EventName } from '@app/events';
import { FestivalMessagesModule, FestivalModule } from '@app/festival';
import { NotificationsAdminModule } from '@app/messaging';
import { RegistrationMessagesModule, RegistrationsModule } from '@app/registrations';
import { SchedulingModule } from '@app/scheduling';
import { ShiftMessagesModule, VolunteersModule } from '@app/volunteers';

/** The @OnEvent methods of every provider reachable from these modules, read from the decorators' metadata (no database). */
function handlersOf(roots: (Type | DynamicModule)[]): DiscoveredHandler[] {
  const seenModules = new Set<unknown>();
  const seenProviders = new Set<unknown>();
  const handlers: DiscoveredHandler[] = [];
  const visit = (entry: Type | DynamicModule): void => {
    const module = 'module' in entry ? entry.module : entry;
    if (seenModules.has(entry)) return;
    seenModules.add(entry);
    const imports = [...((Reflect.getMetadata('imports', module) as (Type | DynamicModule)[]) ?? []), ...('module' in entry ? (entry.imports ?? []) : [])];
    const providers = [...((Reflect.getMetadata('providers', module) as unknown[]) ?? []), ...('module' in entry ? (entry.providers ?? []) : [])];
    for (const provider of providers) {
      if (typeof provider !== 'function' || seenProviders.has(provider)) continue;
      seenProviders.add(provider);
      const prototype = provider.prototype as Record<string, unknown>;
      for (const methodName of Object.getOwnPropertyNames(prototype)) {
        const options =
          typeof prototype[methodName] === 'function'
            ? (Reflect.getMetadata(ON_EVENT, prototype[methodName] as object) as OnEventOptions<EventName> | undefined)
            : undefined;
        if (options) handlers.push({ name: options.name, order: options.order ?? 0, className: provider.name, methodName, run: async () => undefined });
      }
    }
    for (const imported of imports) if (imported && typeof imported === 'object' && !('then' in imported)) visit(imported as DynamicModule);
    for (const imported of imports) if (typeof imported === 'function') visit(imported);
  };
  roots.forEach(visit);
  return handlers;
}

describe('domain-event wiring of the API', () => {
  const handlers = handlersOf([
    SchedulingModule,
    RegistrationsModule,
    VolunteersModule,
    FestivalModule,
    RegistrationMessagesModule,
    FestivalMessagesModule,
    ShiftMessagesModule,
    NotificationsAdminModule,
  ]);

  it('has a handler for every event of the EventMap', () => {
    const unhandled = EVENT_NAMES.filter((name) => !handlers.some((handler) => handler.name === name));
    expect(unhandled).toEqual([]);
  });

  it('names only known events (the same check the bus makes at start-up)', () => {
    expect(() => new EventRegistry(handlers)).not.toThrow();
  });

  it('runs the handlers in the order the side effects depend on', () => {
    const registry = new EventRegistry(handlers);
    const order = (name: EventName) => registry.handlersOf(name).map((handler) => `${handler.className}.${handler.methodName}`);
    expect(order('session.capacityChanged')).toEqual(['RegistrationsService.onCapacityChanged', 'CapacityAlerts.onCapacityChanged']);
    expect(order('sessions.cancelled')).toEqual([
      'RegistrationsService.onSessionsCancelled',
      'ShiftsService.onSessionsCancelled',
      'CapacityAlerts.onSessionsCancelled',
    ]);
    expect(order('session.moved')).toEqual(['ShiftsService.onSessionMoved', 'PersonalLinkRows.onSessionMoved', 'NotificationOutbox.onSessionMoved']);
    expect(order('registrations.recorded')).toEqual([
      'PersonalLinkRows.onRegistrationsRecorded',
      'NotificationOutbox.onRegistrationsRecorded',
      'CapacityAlerts.onRegistrationsRecorded',
    ]);
    expect(order('shifts.changed')).toEqual(['ShiftSwapsService.onShiftsChanged', 'ShiftOutbox.onShiftsChanged']);
  });
});
