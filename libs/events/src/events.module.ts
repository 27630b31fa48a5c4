import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DomainEvents } from './domain-events';

/** Import it where events are emitted; handlers need nothing but `@OnEvent` on a provider's method. */
@Module({ imports: [DiscoveryModule], providers: [DomainEvents], exports: [DomainEvents] })
export class EventsModule {}
