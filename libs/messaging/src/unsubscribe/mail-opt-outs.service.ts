import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { type Transaction, Transactions } from '@app/database';
import { MailOptOutRepository } from './mail-opt-out.repository';
import { isUnsubscribeToken, optOutHash, unsubscribeToken } from './unsubscribe-token';

/** Said for every token we did not make: nothing tells a guesser more. */
export const UNSUBSCRIBE_LINK_REFUSED = 'This unsubscribe link is not valid';

/** An opt-out as a person's export shows it: which of their addresses, since when. */
export interface MailOptOutRecord {
  address: string;
  created_at: Date;
}

/**
 * One-click unsubscribe (RFC 8058) from the mail a reader can live without, and the check before
 * such a mail leaves. Works without login: the token in the link is the proof.
 */
@Injectable()
export class MailOptOuts {
  constructor(
    private readonly transactions: Transactions,
    private readonly optOuts: MailOptOutRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `<PUBLIC_BASE_URL>/u/<token>`, with the mail's language for the page (`?lang=`). */
  unsubscribeUrl(address: string, language: string): string {
    const url = `${this.config.publicBaseUrl}/u/${unsubscribeToken(this.config.personalLinkSecret, address)}`;
    return /^[a-z]{2,3}$/.test(language) ? `${url}?lang=${language}` : url;
  }

  /** Opts the token's address out; a token we did not make is BAD_USER_INPUT at `token` and changes nothing. */
  async unsubscribe(token: unknown): Promise<void> {
    if (!isUnsubscribeToken(this.config.personalLinkSecret, token)) throw AppError.badInput(UNSUBSCRIBE_LINK_REFUSED, 'token');
    await this.transactions.run((tx) => this.optOuts.add(tx, optOutHash(token)));
  }

  async hasUnsubscribed(address: string, tx?: Transaction): Promise<boolean> {
    return (await this.optOuts.find(this.hashOf(address), tx)) !== null;
  }

  /** The opt-outs of these addresses (a person's export: the table itself names nobody). */
  async recordsOf(addresses: readonly (string | null | undefined)[], tx?: Transaction): Promise<MailOptOutRecord[]> {
    const byHash = new Map(addresses.filter((address): address is string => !!address?.trim()).map((address) => [this.hashOf(address), address]));
    const rows = await this.optOuts.findMany([...byHash.keys()], tx);
    return rows.map((row) => ({ address: byHash.get(row.addressHash)!, created_at: row.createdAt }));
  }

  private hashOf(address: string): string {
    return optOutHash(unsubscribeToken(this.config.personalLinkSecret, address));
  }
}
