import { Injectable, Module } from '@nestjs/common';
import { NotificationChannel } from '@app/common';
import type { Transaction } from '@app/database';
import { ComposesMessages, type Composition, type MessageComposer, MessagingModule, type OutboxRow } from '@app/messaging';
import { directChannelOf } from '@app/registrations';
import { BROADCAST_KIND, wordsFor } from './broadcast-rules';
import { BroadcastsRepository } from './broadcasts.repository';

/**
 * A broadcast's message to one reader, read fresh when it leaves: the words in the row's language
 * (or the Dutch text with the line saying so), sent only while the reader still wants messages
 * on that channel.
 */
@Injectable()
@ComposesMessages(BROADCAST_KIND)
export class BroadcastComposer implements MessageComposer {
  constructor(private readonly broadcasts: BroadcastsRepository) {}

  async compose(tx: Transaction, row: OutboxRow): Promise<Composition> {
    const broadcast = typeof row.payload.broadcastId === 'string' ? await this.broadcasts.find(tx, row.payload.broadcastId) : null;
    if (!broadcast) return { stale: 'the broadcast no longer exists' };
    const to = await this.addressOf(tx, row);
    if ('stale' in to) return to;
    const { message, inDutch } = wordsFor(broadcast, row.language);
    return {
      to: to.address,
      vars: {
        firstName: to.firstName,
        sessionTitle: broadcast.audienceTitle,
        startsAt: broadcast.createdAt,
        endsAt: broadcast.createdAt,
        venueName: '',
        venueAddress: '',
        message,
        inDutch,
      },
      calendar: null,
    };
  }

  private async addressOf(tx: Transaction, row: OutboxRow): Promise<{ address: string; firstName: string } | { stale: string }> {
    if (row.participantId) {
      const participant = await this.broadcasts.participant(tx, row.participantId);
      if (!participant || directChannelOf(participant) !== row.channel) return { stale: 'the participant no longer wants messages on this channel' };
      return { address: row.channel === NotificationChannel.SMS ? participant.phone! : participant.email!, firstName: participant.first_name };
    }
    const user = await this.broadcasts.organiser(tx, row.userId);
    if (!user?.active) return { stale: 'the user is no longer active' };
    return { address: user.email, firstName: user.display_name };
  }
}

/** The composer of broadcasts, for the worker (and the API, which loads every domain's composers). */
@Module({ imports: [MessagingModule], providers: [BroadcastsRepository, BroadcastComposer] })
export class BroadcastMessagesModule {}
