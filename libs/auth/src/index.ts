export * from './entities';
export * from './auth.module';
export * from './password-hasher';
export * from './users.service';
export { Role } from '@app/common';
export * from './rate-limit-redis';
export * from './rate-limit-storage';
export { TokenService } from './token.service';
export { FREE_LOGIN_FAILURES, MAX_LOCKOUT_SECONDS } from './login-lockout';
