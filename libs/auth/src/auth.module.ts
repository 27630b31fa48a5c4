import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { LoginLockout } from './login-lockout';
import { PasswordHasher } from './password-hasher';
import { RateLimitRedis } from './rate-limit-redis';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@Module({
  imports: [JwtModule.register({})],
  providers: [PasswordHasher, TokenService, UsersService, RateLimitRedis, LoginLockout],
  exports: [UsersService, PasswordHasher, RateLimitRedis],
})
export class AuthModule {}
