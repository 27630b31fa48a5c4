import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { ComposesMessages, type Composition, type MessageComposer, type NotificationEntity, type OutboxRow } from '@app/messaging';
import { composeFestivalMessage, FESTIVAL_MESSAGE_KINDS } from './festival/festival-messages';
import { composeShiftMessage, SHIFT_MESSAGE_KINDS } from './shifts/shift-messages';

/** Transitional: the festival's and shifts' messages through the composer registry until they have composers of their own. */
@Injectable()
@ComposesMessages(...FESTIVAL_MESSAGE_KINDS, ...SHIFT_MESSAGE_KINDS)
export class FestivalAndShiftComposer implements MessageComposer {
  async compose(tx: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    const festival = FESTIVAL_MESSAGE_KINDS.has(row.kind);
    const message = festival ? await composeFestivalMessage(tx, row as NotificationEntity, now) : await composeShiftMessage(tx, row as NotificationEntity, now);
    if ('stale' in message) return message;
    return { to: message.to, vars: { ...message.vars }, calendar: message.calendar ? { filename: festival ? 'kortrijk-aan-culturen.ics' : 'oefenkansen.ics', content: message.calendar } : null };
  }
}
