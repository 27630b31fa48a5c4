import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import type { Transaction } from '@app/database';
import { PersonalLinksRepository } from './personal-links.repository';

/** 22 base64url characters: 132 bits of the HMAC, URL-safe, short enough for an SMS. */
const TOKEN_LENGTH = 22;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;
const PURPOSE = 'registration-link:v1:';

/**
 * The personal link of a registration, `<PUBLIC_BASE_URL>/r/<token>`. The token is derived
 * (HMAC of the registration id with PERSONAL_LINK_SECRET), so the API and the worker compute the
 * same one whenever a message is written, and no plaintext token is ever stored: the
 * registration_link row keeps its SHA-256, its expiry (the session's end) and its revocation.
 */
@Injectable()
export class PersonalLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: PersonalLinksRepository,
    private readonly clock: Clock,
  ) {}

  tokenFor(registrationId: string): string {
    return createHmac('sha256', this.config.personalLinkSecret)
      .update(PURPOSE + registrationId)
      .digest('base64url')
      .slice(0, TOKEN_LENGTH);
  }

  urlFor(registrationId: string): string {
    return `${this.config.publicBaseUrl}/r/${this.tokenFor(registrationId)}`;
  }

  hashOf(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /** The link row of a registration, in the caller's transaction; its expiry follows the session's end. */
  async ensure(tx: Transaction, registration: { id: string }): Promise<void> {
    await this.ensureAll(tx, [registration.id]);
  }

  async ensureAll(tx: Transaction, registrationIds: readonly string[]): Promise<void> {
    const ids = [...new Set(registrationIds)];
    await this.repository.upsert(
      ids.map((registrationId) => ({ registrationId, tokenHash: this.hashOf(this.tokenFor(registrationId)) })),
      tx,
    );
  }

  /** The registration id the token opens; null for a malformed, unknown, revoked or expired one. */
  async resolve(token: unknown): Promise<string | null> {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
    return this.repository.openRegistrationId(this.hashOf(token), this.clock.now());
  }
}
