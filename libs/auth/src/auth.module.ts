import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { OrganisationsModule } from '@app/organisations';
import { LoginLockout } from './login-lockout';
import { PasswordHasher } from './password-hasher';
import { RateLimitRedis } from './rate-limit-redis';
import { RateLimitStorage } from './rate-limit-storage';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [JwtModule.register({}), OrganisationsModule],
  providers: [PasswordHasher, TokenService, UsersService, UsersRepository, RateLimitRedis, RateLimitStorage, LoginLockout],
  exports: [UsersService, PasswordHasher, RateLimitRedis, RateLimitStorage, TokenService],
})
export class AuthModule {}
