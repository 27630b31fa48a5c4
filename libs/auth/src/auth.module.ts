import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@Module({
  imports: [JwtModule.register({})],
  providers: [PasswordHasher, TokenService, UsersService],
  exports: [UsersService, PasswordHasher],
})
export class AuthModule {}
