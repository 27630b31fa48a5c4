export * from './embedded-postgres';
export * from './redis-server';
export * from './free-port';
export * from './test-database';
export * from './test-config';
export * from './message-capture';
export * from './built-app';
export * from './wait-for';
