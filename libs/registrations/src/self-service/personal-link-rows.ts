import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { PersonalLinks } from './personal-links';
import { PersonalLinksRepository } from './personal-links.repository';

/**
 * Keeps a registration_link row beside every registration, in the transaction that records it, before
 * its messages are written (the outbox, order 100), on the API and in the worker alike.
 */
@Injectable()
export class PersonalLinkRows {
  constructor(
    private readonly links: PersonalLinks,
    private readonly repository: PersonalLinksRepository,
  ) {}

  @OnEvent({ name: 'registrations.recorded', order: 50 })
  async onRegistrationsRecorded(tx: Transaction, { events }: EventMap['registrations.recorded']): Promise<void> {
    await this.links.ensureAll(
      tx,
      events.map((event) => event.registrationId),
    );
  }

  /** A moved session's links expire at its new end (and registrations from before links existed get theirs). */
  @OnEvent({ name: 'session.moved', order: 50 })
  async onSessionMoved(tx: Transaction, { session }: EventMap['session.moved']): Promise<void> {
    await this.links.ensureAll(tx, await this.repository.registrationIdsOfSession(session.id, tx));
  }
}
