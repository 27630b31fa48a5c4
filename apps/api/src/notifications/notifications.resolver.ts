import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { NotificationChannel } from '@app/common';
import { NotificationAdminService } from '@app/messaging';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { ParticipantModel } from '../registrations/registrations.models';
import { SessionModel } from '../scheduling/scheduling.models';
import { DeliveryAttemptModel, MessagePreviewModel, NotificationFilter, NotificationModel } from './notifications.models';

/** The outbox for coordinators: the service checks the role, the fields batch through DataLoaders. */
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly service: NotificationAdminService) {}

  @Query(() => [NotificationModel], {
    description:
      'Messages, newest due first (first: 1-200, default 50). Without a sessionId, participantId, registrationId or status, those due since `since` (default: the last 30 days). Coordinators only',
  })
  notifications(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => NotificationFilter, nullable: true }) filter?: NotificationFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<NotificationModel[]> {
    return this.service.listNotifications(actor, filter, first);
  }

  @Query(() => MessagePreviewModel, {
    description: 'A message kind in one of the 12 languages, rendered by the real renderer with demo values. Coordinators only',
  })
  messagePreview(
    @CurrentActor() actor: Actor | null,
    @Args('kind') kind: string,
    @Args('language') language: string,
    @Args('channel', { type: () => NotificationChannel }) channel: NotificationChannel,
  ): MessagePreviewModel {
    return this.service.previewMessage(actor, kind, language, channel);
  }

  @Mutation(() => NotificationModel, {
    description: 'Puts a FAILED message back in the outbox, due now with a fresh set of attempts; its earlier attempts are kept. Coordinators only',
  })
  resendNotification(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<NotificationModel> {
    return this.service.resendNotification(actor, id);
  }

  @ResolveField(() => ParticipantModel, { nullable: true, description: 'Null for messages to staff' })
  participant(@Parent() notification: NotificationModel, @Loaders() loaders: RequestLoaders): Promise<ParticipantModel | null> | null {
    return notification.participantId ? loaders.participant.load(notification.participantId) : null;
  }

  @ResolveField(() => SessionModel, { nullable: true })
  session(@Parent() notification: NotificationModel, @Loaders() loaders: RequestLoaders): Promise<SessionModel | null> | null {
    return notification.sessionId ? loaders.session.load(notification.sessionId) : null;
  }

  @ResolveField(() => [DeliveryAttemptModel], { description: 'Every attempt, oldest first' })
  attemptsLog(@Parent() notification: NotificationModel, @Loaders() loaders: RequestLoaders): Promise<DeliveryAttemptModel[]> {
    return loaders.deliveryAttempts.load(notification.id);
  }
}
