import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock, NotificationChannel, validate } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { Outbox } from '@app/messaging';
import { newLinkToken, hashLinkToken } from './account-link-token';
import { AccountLinksRepository } from './account-links.repository';
import { AccountLinkPurpose, UserEntity } from './entities';
import { AccountMessageKind, LINK_TOKEN } from './messages/account-message-kinds';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';
import { type CreateUserCommand, UsersService, validatePassword } from './users.service';

const HOUR_MS = 3_600_000;
/** An invitation waits for someone who may read their mail only after a weekend. */
export const INVITATION_HOURS = 72;
/**
 * A reset link is asked for by the person themself at the moment they need it: two hours is plenty,
 * and a link found later in a mailbox someone else reads is of no use.
 */
export const PASSWORD_RESET_HOURS = 2;

/** An account without a password yet: no hash matches it, so nobody logs in until the invitation is accepted. */
export const NO_PASSWORD = '';

const LINK_REFUSED = 'This link no longer works: it was used, replaced by a newer one, or it expired';

/**
 * One-time links that set a password: an invitation to a new account, and a reset of a forgotten
 * password. The mail carries the token; the table only its hash. Using a link, or making a newer one
 * of the same kind, ends the older ones.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly links: AccountLinksRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Creates the account without a password and mails the invitation, in one transaction. */
  async inviteUser(actor: Actor, command: Omit<CreateUserCommand, 'password'>): Promise<UserEntity> {
    const profile = await this.usersService.validProfile(actor, command);
    return this.transactions.run(async (tx) => {
      const user = await this.usersService.insert({ ...profile, passwordHash: NO_PASSWORD, active: true }, tx);
      await this.mailLink(tx, user, AccountLinkPurpose.INVITATION);
      return user;
    });
  }

  /** A new invitation mail for an account that has not set its password yet; the older link dies. */
  async resendInvitation(actor: Actor, userId: string): Promise<UserEntity> {
    const user = await this.usersService.managedUser(actor, userId);
    if (user.passwordHash !== NO_PASSWORD) throw AppError.badInput('This user has set a password already', 'id');
    if (!user.active) throw AppError.badInput('Reactivate the user before inviting them again', 'id');
    await this.transactions.run((tx) => this.mailLink(tx, user, AccountLinkPurpose.INVITATION));
    return user;
  }

  /** Sets the first password and logs in: answers what login answers. */
  async acceptInvitation(token: string, password: string): Promise<{ token: string; user: UserEntity }> {
    const user = await this.useLink(token, password, AccountLinkPurpose.INVITATION);
    return { token: this.tokens.sign(user.id, user.tokenVersion), user };
  }

  /**
   * Mails a reset link when an active account has the address; answers the same either way, so
   * nobody learns which addresses have an account. Rate limited like login (the API's guard).
   */
  async requestPasswordReset(email: string): Promise<void> {
    // A malformed address is refused as anywhere else: that says nothing about which accounts exist.
    const address = validate.email('email', email);
    const user = await this.users.findByEmail(address);
    if (!user || !user.active) return;
    await this.transactions.run((tx) => this.mailLink(tx, user, AccountLinkPurpose.PASSWORD_RESET));
  }

  /** Sets the new password and revokes every token issued before: the person logs in again. */
  async resetPassword(token: string, password: string): Promise<void> {
    await this.useLink(token, password, AccountLinkPurpose.PASSWORD_RESET);
  }

  private async mailLink(tx: Transaction, user: UserEntity, purpose: AccountLinkPurpose): Promise<void> {
    const now = this.clock.now();
    await this.links.endOpenLinks(tx, user.id, now, purpose);
    const { token, tokenHash } = newLinkToken();
    const hours = purpose === AccountLinkPurpose.INVITATION ? INVITATION_HOURS : PASSWORD_RESET_HOURS;
    const link = await this.links.save({ userId: user.id, purpose, tokenHash, expiresAt: new Date(now.getTime() + hours * HOUR_MS), usedAt: null }, tx);
    const kind = purpose === AccountLinkPurpose.INVITATION ? AccountMessageKind.USER_INVITATION : AccountMessageKind.PASSWORD_RESET;
    await this.outbox.write(tx, [
      {
        kind,
        channel: NotificationChannel.EMAIL,
        language: user.preferredLanguage,
        userId: user.id,
        payload: { linkId: link.id, [LINK_TOKEN]: token },
        dueAt: now,
        dedupeKey: `${kind}|${link.id}`,
      },
    ]);
  }

  /**
   * Checks the password first (a refused password leaves the link usable), then takes the link
   * under a row lock, so a link used twice at once sets a password once.
   */
  private async useLink(token: string, password: string, purpose: AccountLinkPurpose): Promise<UserEntity> {
    const raw = validate.text('token', token, { max: 200 });
    validatePassword('password', password);
    const passwordHash = await this.hasher.hash(password);
    return this.transactions.run(async (tx) => {
      const now = this.clock.now();
      const link = await this.links.findByHashForUpdate(hashLinkToken(raw), tx);
      if (!link || link.purpose !== purpose || link.usedAt || link.expiresAt.getTime() <= now.getTime()) throw AppError.badInput(LINK_REFUSED, 'token');
      const user = await this.users.findById(link.userId, tx);
      if (!user || !user.active) throw AppError.badInput(LINK_REFUSED, 'token');
      // A new password ends every other link too: an older reset link must not undo it.
      await this.links.endOpenLinks(tx, user.id, now);
      const tokenVersion = await this.users.bumpTokenVersion(user.id, passwordHash, tx);
      return { ...user, passwordHash, tokenVersion };
    });
  }
}
