import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RegistrationCodeRequestEntity } from '../entities';

/** Writes and withdraws the code SMS in the caller's transaction; libs/notifications provides it. */
export interface RegistrationCodeSender {
  send(manager: EntityManager, request: RegistrationCodeRequestEntity, code: string): Promise<void>;
  /** The requests are over (used, dead or replaced): their SMS must not go out late, nor keep the code. */
  withdraw(manager: EntityManager, requestIds: string[]): Promise<void>;
  /** The hourly budget of code SMS is used up: the coordinators must hear it (once an hour). */
  budgetReached(manager: EntityManager, budget: number): Promise<void>;
}

/**
 * Where self-registration hands its SMS to the notifications outbox, which registers itself here
 * at start-up (libs/notifications depends on this library, not the other way round).
 */
@Injectable()
export class RegistrationCodeOutbox {
  private sender: RegistrationCodeSender | null = null;

  register(sender: RegistrationCodeSender): void {
    this.sender = sender;
  }

  get(): RegistrationCodeSender {
    // A code nobody can receive would leave the newcomer waiting: fail loudly instead.
    if (!this.sender) throw new Error('No registration code sender: import NotificationsOutboxModule');
    return this.sender;
  }
}
