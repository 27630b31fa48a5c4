import { EntityManager } from 'typeorm';
import { FESTIVAL_MESSAGE_KINDS as FESTIVAL_KINDS, FestivalMessageComposer, FestivalMessagesRepository } from '@app/festival';
import type { OutboxRow } from '@app/messaging';
import { NotificationEntity } from '../entities';
import { MessageVariables } from '../templates/message-kinds';

// A bridge until delivery finds composers by kind: the festival's messages live in @app/festival.

export const FESTIVAL_MESSAGE_KINDS: ReadonlySet<string> = new Set(FESTIVAL_KINDS);

export type FestivalMessage = { to: string; vars: MessageVariables; calendar: string | null } | { stale: string };

export async function composeFestivalMessage(manager: EntityManager, row: NotificationEntity, now: Date): Promise<FestivalMessage> {
  const composed = await new FestivalMessageComposer(new FestivalMessagesRepository(manager.connection)).compose(manager, row as unknown as OutboxRow, now);
  return 'stale' in composed ? composed : { to: composed.to, vars: composed.vars as unknown as MessageVariables, calendar: composed.calendar?.content ?? null };
}

export function freePlotCount(manager: EntityManager, editionId: string): Promise<number> {
  return new FestivalMessagesRepository(manager.connection).freePlotCount(manager, editionId);
}
