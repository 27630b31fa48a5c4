export * from './notifications.module';
export * from './outbox/notification-outbox';
export * from './delivery/dispatcher';
export * from './delivery/delivery.service';
export * from './channels/channels';
export * from './templates';
