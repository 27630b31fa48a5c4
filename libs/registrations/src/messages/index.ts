export * from './registration-message-kinds';
export * from './registration-messages.module';
export * from './participant-messages';
export * from './participant-composer';
export * from './capacity-alerts';
export * from './alert-sweep';
export * from './registration-code-messages';
export * from './staff-messages';
