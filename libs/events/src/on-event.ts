import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventMap, EventName } from './event-map';

export const ON_EVENT = Symbol('domain-event-handler');

export interface OnEventOptions<N extends EventName> {
  name: N;
  /** Lower runs first (default 0); equal orders run by class then method name. Domain reactions use 10–90, messages and alerts 100+. */
  order?: number;
}

export type EventHandler<N extends EventName> = (manager: EntityManager, payload: EventMap[N]) => Promise<void>;

/** Marks the method that reacts to an event, inside the emitter's transaction; its payload type follows from the name. */
export function OnEvent<N extends EventName>(options: OnEventOptions<N>) {
  return <F extends EventHandler<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>): void => {
    SetMetadata(ON_EVENT, options)(target, key, descriptor);
  };
}
