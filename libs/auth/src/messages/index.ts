export * from './account-message-kinds';
export * from './account-messages';
