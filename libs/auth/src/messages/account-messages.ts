import { Inject, Injectable, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import type { Transaction } from '@app/database';
import { ComposesMessages, type Composition, type MessageComposer, MessagingModule, Outbox, type OutboxRow } from '@app/messaging';
import { AccountLinksRepository } from '../account-links.repository';
import { AccountLinkPurpose } from '../entities';
import { UsersRepository } from '../users.repository';
import { AccountMessageKind, LINK_TOKEN } from './account-message-kinds';

/** The page of the web app each kind of link opens. */
const LINK_PATHS: Record<AccountMessageKind, { path: string; purpose: AccountLinkPurpose }> = {
  [AccountMessageKind.USER_INVITATION]: { path: 'invitation', purpose: AccountLinkPurpose.INVITATION },
  [AccountMessageKind.PASSWORD_RESET]: { path: 'reset-password', purpose: AccountLinkPurpose.PASSWORD_RESET },
};

/**
 * The invitation and password-reset mails, read fresh when sent: only while the link still works
 * and the account is active. The token lives in the outbox row alone (the table keeps its hash)
 * and is dropped from it once the row is final.
 */
@Injectable()
@ComposesMessages(AccountMessageKind.USER_INVITATION, AccountMessageKind.PASSWORD_RESET)
export class AccountLinkComposer implements MessageComposer {
  constructor(
    private readonly links: AccountLinksRepository,
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async compose(tx: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    const token = row.payload[LINK_TOKEN];
    const kind = LINK_PATHS[row.kind as AccountMessageKind];
    if (typeof token !== 'string' || !kind) return { stale: 'the link is no longer kept' };
    const link = typeof row.payload.linkId === 'string' ? await this.links.findById(row.payload.linkId, tx) : null;
    if (!link || link.purpose !== kind.purpose || link.usedAt) return { stale: 'the link was used or replaced' };
    if (link.expiresAt.getTime() <= now.getTime()) return { stale: 'the link has expired' };
    const user = await this.users.findById(link.userId, tx);
    if (!user || !user.active) return { stale: 'the account is no longer active' };
    return {
      to: user.email,
      vars: {
        firstName: user.displayName,
        sessionTitle: '',
        // {date} and {time}: until when the link works.
        startsAt: link.expiresAt,
        endsAt: link.expiresAt,
        venueName: '',
        venueAddress: '',
        link: `${this.config.publicBaseUrl}/${kind.path}/${token}`,
      },
      calendar: null,
    };
  }

  async settled(tx: Transaction, row: OutboxRow): Promise<void> {
    await this.outbox.forgetField(tx, row.id, LINK_TOKEN);
  }
}

/** The composer of auth's mails, for the worker (the API only writes the rows). */
@Module({ imports: [MessagingModule], providers: [AccountLinksRepository, UsersRepository, AccountLinkComposer] })
export class AccountMessagesModule {}
