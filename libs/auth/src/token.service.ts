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

/** How many valid tokens `verify` remembers: far more than the staff and volunteers logged in at once. */
const VERIFIED_TOKENS_KEPT = 1000;

@Injectable()
export class TokenService {
  /**
   * Made once: given the secret as a string, jsonwebtoken first tries it as a PEM public key and
   * then builds a secret key from it on every call, about a tenth of a registration's API time.
   * Its type is Buffer's for @nestjs/jwt's options, which pass it to jsonwebtoken unchanged.
   */
  private readonly key: KeyObject;
  /**
   * Valid tokens seen lately and their claims. A token string verifies the same way until it
   * expires, and every authenticated request presents its token twice (the HTTP rate limit, then
   * the actor), so its signature is checked once, not on every request. Only valid tokens are kept:
   * a stream of forged ones fills nothing. Revocation is unaffected: the token version is compared
   * with the account's on every request (UsersService.actorForToken).
   */
  private readonly verified = new Map<string, TokenClaims>();

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
    const known = this.verified.get(token);
    if (known) {
      if (!expired(known)) return known;
      this.verified.delete(token);
      return null;
    }
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token, { secret: this.key as unknown as Buffer, algorithms: ['HS256'], issuer: 'oefenkansen' });
    } catch {
      return null;
    }
    // jsonwebtoken accepts a token without exp as valid forever; ours always carry one.
    if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number' || typeof claims.exp !== 'number') return null;
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, Object.freeze(claims));
    return claims;
  }
}

/** As jsonwebtoken decides it: expired from the second `exp` names on. */
function expired(claims: TokenClaims): boolean {
  return Math.floor(Date.now() / 1000) >= claims.exp!;
}
