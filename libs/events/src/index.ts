export * from './event-map';
export * from './on-event';
export * from './event-registry';
export * from './domain-events';
export * from './events.module';
