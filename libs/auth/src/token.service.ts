import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@app/config';

export interface TokenClaims {
  sub: string;
  /** The user's token version when issued; a bump revokes the token. */
  ver: number;
  exp?: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  sign(userId: string, tokenVersion: number): string {
    return this.jwt.sign({ sub: userId, ver: tokenVersion } satisfies TokenClaims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.tokenTtlMinutes * 60,
      issuer: 'oefenkansen',
    });
  }

  /** The claims of a valid token with an expiry still ahead; null for anything else. */
  verify(token: string): TokenClaims | null {
    try {
      const claims = this.jwt.verify<TokenClaims>(token, { secret: this.config.jwtSecret, algorithms: ['HS256'], issuer: 'oefenkansen' });
      // jsonwebtoken accepts a token without exp as valid forever; ours always carry one.
      return typeof claims.sub === 'string' && typeof claims.ver === 'number' && typeof claims.exp === 'number' ? claims : null;
    } catch {
      return null;
    }
  }
}
