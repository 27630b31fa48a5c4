export * from './entities';
export * from './data-source-options';
export * from './database.module';
export * from './audit-scope';
export * from './pg-errors';
export * from './rows';
export * from './snake-naming.strategy';
export { MIGRATIONS } from './migrations';
export * from './transactions';
