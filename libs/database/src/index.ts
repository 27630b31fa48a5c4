export * from './entities';
export * from './data-source-options';
export * from './database.module';
export * from './lean-entities';
export * from './pg-errors';
export * from './snake-naming.strategy';
export { MIGRATIONS } from './migrations';
export * from './transactions';
