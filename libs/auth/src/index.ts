export * from './auth.module';
export * from './password-hasher';
export * from './users.service';
export { Role } from '@app/database';
