import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MessagingModule } from '@app/messaging';
import { OrganisationsModule } from '@app/organisations';
import { AccountLinksRepository } from './account-links.repository';
import { AccountLinksService } from './account-links.service';
import { LoginLockout } from './login-lockout';
import { PasswordHasher } from './password-hasher';
import { RateLimitRedis } from './rate-limit-redis';
import { RateLimitStorage } from './rate-limit-storage';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [JwtModule.register({}), OrganisationsModule, MessagingModule],
  providers: [
    PasswordHasher,
    TokenService,
    UsersService,
    UsersRepository,
    AccountLinksRepository,
    AccountLinksService,
    RateLimitRedis,
    RateLimitStorage,
    LoginLockout,
  ],
  exports: [UsersService, AccountLinksService, PasswordHasher, RateLimitRedis, RateLimitStorage, TokenService],
})
export class AuthModule {}
