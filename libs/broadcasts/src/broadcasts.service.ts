import { Injectable, Logger } from '@nestjs/common';
import { Actor, AppError, Clock, NotificationChannel, requireCoordinator, validate } from '@app/common';
import { Transactions, type Transaction } from '@app/database';
import { Outbox, resolveMessageLanguage } from '@app/messaging';
import { directChannelOf } from '@app/registrations';
import { BROADCAST_KIND, type BroadcastDraft, type BroadcastDraftInput, broadcastSms, checkBroadcastDraft, requireFitsSms, wordsFor } from './broadcast-rules';
import { BroadcastsRepository } from './broadcasts.repository';
import { BroadcastAudienceKind, BroadcastEntity } from './entities';

export const MAX_BROADCASTS_PAGE = 100;

export interface SendBroadcastCommand extends BroadcastDraftInput {
  idempotencyKey?: string | null;
}

/** One reader the broadcast reaches: a participant or an organiser's account. */
interface Reader {
  participantId: string | null;
  userId: string | null;
  channel: NotificationChannel;
  /** The catalogue language the message is written in (the reader's, or Dutch when we have none). */
  language: string;
}

/** How many readers get the broadcast in one channel and language, and in which words. */
export interface BroadcastPlanGroup {
  channel: NotificationChannel;
  language: string;
  readers: number;
  /** True when they get a translation, false when the Dutch text with the line saying so. */
  translated: boolean;
  /** SMS only: how many parts each of their SMS takes. */
  smsSegments: number | null;
}

export interface BroadcastPlan {
  audienceTitle: string;
  groups: BroadcastPlanGroup[];
  reached: number;
  /** Participants without consent or a phone/e-mail of their own (reached through their school, or not at all). */
  unreachable: number;
}

/**
 * A coordinator's own words to the participants of a session, series or programme, or to the
 * organisers of a festival edition: one outbox row per reader, each in their channel and language.
 */
@Injectable()
export class BroadcastsService {
  private readonly logger = new Logger(BroadcastsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly broadcasts: BroadcastsRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Who would get the draft, per channel and language, without sending anything. */
  async planBroadcast(actor: Actor | null, input: BroadcastDraftInput): Promise<BroadcastPlan> {
    requireCoordinator(actor, 'plan a broadcast');
    const draft = checkBroadcastDraft(input);
    return this.transactions.run(async (tx) => {
      const { title, readers, unreachable } = await this.readersOf(tx, draft);
      const groups = new Map<string, BroadcastPlanGroup>();
      for (const reader of readers) {
        const key = `${reader.channel}|${reader.language}`;
        const group = groups.get(key) ?? {
          channel: reader.channel,
          language: reader.language,
          readers: 0,
          translated: !wordsFor(draft, reader.language).inDutch,
          smsSegments: reader.channel === NotificationChannel.SMS ? broadcastSms(draft, reader.language, title, this.clock.now()).segments : null,
        };
        group.readers += 1;
        groups.set(key, group);
      }
      return { audienceTitle: title, groups: [...groups.values()], reached: readers.length, unreachable };
    });
  }

  /**
   * Writes the broadcast and its outbox rows in one transaction. The same idempotencyKey again (a
   * retry, a second click) returns the broadcast already written and writes nothing; a reader
   * with a place at several of the audience's sessions gets one message.
   */
  async sendBroadcast(actor: Actor | null, input: SendBroadcastCommand): Promise<BroadcastEntity> {
    const author = requireCoordinator(actor, 'send a broadcast');
    const idempotencyKey = validate.text('idempotencyKey', input.idempotencyKey ?? '', { min: 8, max: 100 });
    const draft = checkBroadcastDraft(input);
    const sent = await this.transactions.run(async (tx) => {
      const earlier = await this.broadcasts.findByKey(tx, idempotencyKey);
      if (earlier) return { broadcast: earlier, fresh: false };
      const now = this.clock.now();
      const { title, readers } = await this.readersOf(tx, draft);
      requireFitsSms(draft, new Set(readers.filter((reader) => reader.channel === NotificationChannel.SMS).map((reader) => reader.language)), title, now);
      const id = await this.broadcasts.insert(tx, {
        authorId: author.userId,
        audienceKind: draft.audience.kind,
        audienceId: draft.audience.id,
        audienceTitle: title,
        text: draft.text,
        translations: draft.translations,
        idempotencyKey,
      });
      // Another request with this key committed first: that one is the broadcast.
      if (!id) return { broadcast: (await this.broadcasts.findByKey(tx, idempotencyKey))!, fresh: false };
      await this.outbox.write(
        tx,
        readers.map((reader) => ({
          kind: BROADCAST_KIND,
          channel: reader.channel,
          language: reader.language,
          participantId: reader.participantId,
          userId: reader.userId,
          sessionId: draft.audience.kind === BroadcastAudienceKind.SESSION ? draft.audience.id : null,
          payload: { broadcastId: id },
          dueAt: now,
          dedupeKey: `${BROADCAST_KIND}|${id}|${reader.participantId ?? reader.userId}`,
        })),
      );
      const sms = readers.filter((reader) => reader.channel === NotificationChannel.SMS).length;
      await this.broadcasts.setCounts(tx, id, sms, readers.length - sms);
      return { broadcast: (await this.broadcasts.find(tx, id))!, fresh: true };
    });
    if (sent.fresh) {
      this.logger.log(
        { broadcastId: sent.broadcast.id, by: author.userId, sms: sent.broadcast.smsCount, email: sent.broadcast.emailCount },
        'broadcast written',
      );
    }
    return sent.broadcast;
  }

  listBroadcasts(actor: Actor | null, first?: number | null): Promise<BroadcastEntity[]> {
    requireCoordinator(actor, 'see broadcasts');
    return this.broadcasts.list(validate.int('first', first ?? 20, 1, MAX_BROADCASTS_PAGE));
  }

  private async readersOf(tx: Transaction, draft: BroadcastDraft): Promise<{ title: string; readers: Reader[]; unreachable: number }> {
    const { audience } = draft;
    const title = await this.broadcasts.titleOf(tx, audience);
    if (title === null) throw AppError.notFound(audience.kind, audience.id);
    const languageOf = (preferred: string) => resolveMessageLanguage(preferred) ?? 'nl';
    if (audience.kind === BroadcastAudienceKind.FESTIVAL_EDITION) {
      const organisers = await this.broadcasts.organisersOf(tx, audience.id);
      const readers = organisers.map((user) => ({
        participantId: null,
        userId: user.id,
        channel: NotificationChannel.EMAIL,
        language: languageOf(user.preferred_language),
      }));
      return { title, readers, unreachable: 0 };
    }
    const participants = await this.broadcasts.participantsOf(tx, audience, this.clock.now());
    const readers: Reader[] = participants.flatMap((participant) => {
      const channel = directChannelOf(participant);
      return channel ? [{ participantId: participant.id, userId: null, channel, language: languageOf(participant.preferred_language) }] : [];
    });
    return { title, readers, unreachable: participants.length - readers.length };
  }
}
