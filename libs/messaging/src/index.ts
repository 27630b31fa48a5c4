export * from './outbox-message';
export * from './composers';
