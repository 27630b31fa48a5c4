import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { PersonalLinks } from './personal-links';
import { PersonalLinksRepository } from './personal-links.repository';

/**
 * Keeps a registration_link row beside every registration, in the transaction that records it, before
 * its messages are written (the outbox, order 100), on the API and in the worker alike. A new
 * registration's arrival writes its row in the same statement (arrival-sql), so it is not upserted again.
 */
@Injectable()
export class PersonalLinkRows {
  constructor(
    private readonly links: PersonalLinks,
    private readonly repository: PersonalLinksRepository,
  ) {}

  @OnEvent({ name: 'registrations.recorded', order: 50 })
  async onRegistrationsRecorded(tx: Transaction, { events }: EventMap['registrations.recorded']): Promise<void> {
    const missing = events.filter((event) => !event.linkWritten).map((event) => event.registrationId);
    if (missing.length > 0) await this.links.ensureAll(tx, missing);
  }

  /** A moved session's links expire at its new end (and registrations from before links existed get theirs). */
  @OnEvent({ name: 'session.moved', order: 50 })
  async onSessionMoved(tx: Transaction, { session }: EventMap['session.moved']): Promise<void> {
    await this.links.ensureAll(tx, await this.repository.registrationIdsOfSession(session.id, tx));
  }
}
