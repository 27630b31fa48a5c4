import { Args, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { SmsReplies, SmsReplyOutcome } from '@app/registrations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DateTimeScalar } from '../graphql/scalars';

registerEnumType(SmsReplyOutcome, { name: 'SmsReplyOutcome', description: 'What an SMS reply did (see README "Messages")' });

@ObjectType('SmsReply', { description: 'A reply to one of our SMS, as the gateway forwarded it' })
export class SmsReplyModel {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) receivedAt: Date;
  @Field({ description: 'The sender, all but the last 3 digits hidden' }) maskedFrom: string;
  @Field(() => String, { nullable: true, description: 'STOP, NO or YES; null for anything else' }) keyword: string | null;
  @Field(() => SmsReplyOutcome) outcome: SmsReplyOutcome;
  @Field({ description: 'What the person wrote' }) text: string;
  @Field(() => ID, { nullable: true, description: 'Who the last SMS to that number was for; null for an unknown number' }) participantId: string | null;
  @Field(() => String, { nullable: true }) firstName: string | null;
  @Field(() => String, { nullable: true, description: 'The session of the registration the reply was about' }) sessionTitle: string | null;
}

@ObjectType('SmsReplyList')
export class SmsReplyListModel {
  @Field(() => [SmsReplyModel], { description: 'Newest first' }) replies: SmsReplyModel[];
  @Field(() => Int) totalCount: number;
}

/** The replies to our SMS, for the coordinators' messages desk; the webhook itself is SmsWebhookController. */
@Resolver(() => SmsReplyModel)
export class SmsRepliesResolver {
  constructor(private readonly replies: SmsReplies) {}

  @Query(() => SmsReplyListModel, { description: 'The newest SMS replies (first: 1-200, default 50) and how many there are. Coordinators only' })
  smsReplies(@CurrentActor() actor: Actor | null, @Args('first', { type: () => Int, nullable: true }) first?: number | null): Promise<SmsReplyListModel> {
    return this.replies.replies(actor, first);
  }
}
