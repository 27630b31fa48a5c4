import { EntityManager } from 'typeorm';
import type { OutboxRow } from '@app/messaging';
import { SHIFT_MESSAGE_KINDS as SHIFT_KINDS, ShiftMessageComposer, ShiftMessagesRepository } from '@app/volunteers';
import { NotificationEntity } from '../entities';
import { MessageVariables } from '../templates/message-kinds';

// A bridge until delivery finds composers by kind: the shifts' messages live in @app/volunteers.

export const SHIFT_MESSAGE_KINDS: ReadonlySet<string> = new Set(SHIFT_KINDS);

export type ShiftMessage = { to: string; vars: MessageVariables; calendar: string | null } | { stale: string };

export async function composeShiftMessage(manager: EntityManager, row: NotificationEntity, now: Date): Promise<ShiftMessage> {
  const composed = await new ShiftMessageComposer(new ShiftMessagesRepository(manager.connection)).compose(manager, row as unknown as OutboxRow, now);
  return 'stale' in composed ? composed : { to: composed.to, vars: composed.vars as unknown as MessageVariables, calendar: composed.calendar?.content ?? null };
}
