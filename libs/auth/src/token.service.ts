import { createSecretKey, type KeyObject } from 'node:crypto';
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
  /**
   * Made once: given the secret as a string, jsonwebtoken first tries it as a PEM public key and
   * then builds a secret key from it on every call, about a tenth of a registration's API time.
   * Its type is Buffer's for @nestjs/jwt's options, which pass it to jsonwebtoken unchanged.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  sign(userId: string, tokenVersion: number): string {
    return this.jwt.sign({ sub: userId, ver: tokenVersion } satisfies TokenClaims, {
      secret: this.key as unknown as Buffer,
      algorithm: 'HS256',
      expiresIn: this.config.tokenTtlMinutes * 60,
      issuer: 'oefenkansen',
    });
  }

  /** The claims of a valid token with an expiry still ahead; null for anything else. */
  verify(token: string): TokenClaims | null {
    try {
      const claims = this.jwt.verify<TokenClaims>(token, { secret: this.key as unknown as Buffer, algorithms: ['HS256'], issuer: 'oefenkansen' });
      // jsonwebtoken accepts a token without exp as valid forever; ours always carry one.
      return typeof claims.sub === 'string' && typeof claims.ver === 'number' && typeof claims.exp === 'number' ? claims : null;
    } catch {
      return null;
    }
  }
}
