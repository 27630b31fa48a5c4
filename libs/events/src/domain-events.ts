import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { EventMap, EventName } from './event-map';
import { DiscoveredHandler, EventRegistry } from './event-registry';
import { ON_EVENT, OnEventOptions } from './on-event';

/**
 * The one domain-event bus: `emit(manager, name, payload)` runs every `@OnEvent` handler of the
 * application inside the caller's transaction. Handlers are found once, when the modules start.
 */
@Injectable()
export class DomainEvents implements OnModuleInit {
  private readonly logger = new Logger(DomainEvents.name);
  private registry: EventRegistry | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.registry = new EventRegistry(this.discover());
    for (const line of this.registry.describe()) this.logger.log(line);
  }

  emit<N extends EventName>(manager: EntityManager, name: N, payload: EventMap[N]): Promise<void> {
    // Emitting before start-up would silently skip every handler: fail loudly instead.
    if (!this.registry) throw new Error(`event "${name}" emitted before the application started`);
    return this.registry.emit(manager, name, payload);
  }

  private discover(): DiscoveredHandler[] {
    const handlers: DiscoveredHandler[] = [];
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = (prototype as Record<string, unknown>)[methodName] as (...args: unknown[]) => Promise<unknown>;
        const options = Reflect.getMetadata(ON_EVENT, method) as OnEventOptions<EventName> | undefined;
        if (!options) continue;
        handlers.push({
          name: options.name,
          order: options.order ?? 0,
          className: instance.constructor.name,
          methodName,
          run: (manager, payload) => method.call(instance, manager, payload),
        });
      }
    }
    return handlers;
  }
}
