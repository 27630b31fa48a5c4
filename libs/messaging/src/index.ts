export * from './outbox-message';
export * from './composers';
export * from './outbox';
