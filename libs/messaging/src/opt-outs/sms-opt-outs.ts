import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';

/**
 * The numbers that answered STOP (sms_opt_out). A domain puts a number on the list in the
 * transaction of the reply; delivery checks it before every SMS, so no domain can forget it.
 */
@Injectable()
export class SmsOptOuts {
  /** Puts the number on the list; false when it was there already. */
  async optOut(tx: Transaction, phone: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await tx.query(`INSERT INTO sms_opt_out (phone, opted_out_at) VALUES ($1, $2) ON CONFLICT (phone) DO NOTHING RETURNING id`, [
      phone,
      at,
    ]);
    return rows.length > 0;
  }

  /** Staff recorded consent again: SMS may go to the number once more. */
  async lift(tx: Transaction, phone: string): Promise<void> {
    await tx.query(`DELETE FROM sms_opt_out WHERE phone = $1`, [phone]);
  }

  async isOptedOut(tx: Transaction, phone: string): Promise<boolean> {
    return (await this.optedOutAmong(tx, [phone])).has(phone);
  }

  /** Which of the numbers answered STOP, in one statement (delivery checks a batch at once). */
  async optedOutAmong(tx: Transaction, phones: readonly string[]): Promise<Set<string>> {
    if (phones.length === 0) return new Set();
    const rows = await tx.query<{ phone: string }[]>(`SELECT phone FROM sms_opt_out WHERE phone = ANY($1::varchar[])`, [[...new Set(phones)]]);
    return new Set(rows.map((row) => row.phone));
  }
}
