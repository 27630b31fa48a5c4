import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BroadcastAudienceKind } from '@app/broadcasts';
import { NotificationChannel } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';

registerEnumType(BroadcastAudienceKind, { name: 'BroadcastAudienceKind' });

@InputType({ description: 'Exactly one: the participants of a session, of a series’ or programme’s sessions ahead, or a festival edition’s organisers' })
export class BroadcastAudienceInput {
  @Field(() => ID, { nullable: true }) sessionId?: string | null;
  @Field(() => ID, { nullable: true }) seriesId?: string | null;
  @Field(() => ID, { nullable: true }) programmeId?: string | null;
  @Field(() => ID, { nullable: true }) festivalEditionId?: string | null;
}

@InputType()
export class BroadcastTranslationInput {
  @Field({ description: 'One of the 12 message languages but nl' }) language: string;
  @Field({ description: 'Empty: the readers in this language get the Dutch text' }) text: string;
}

@InputType()
export class BroadcastDraftInput {
  @Field(() => BroadcastAudienceInput) audience: BroadcastAudienceInput;
  @Field({ description: 'The Dutch text (required, at most 1000 characters)' }) text: string;
  @Field(() => [BroadcastTranslationInput], { nullable: true }) translations?: BroadcastTranslationInput[] | null;
}

@InputType()
export class BroadcastMessageInput extends BroadcastDraftInput {
  @Field({ description: 'Chosen by the client for this broadcast (8-100 characters): sending it again writes nothing new' }) idempotencyKey: string;
}

@ObjectType('BroadcastTranslation')
export class BroadcastTranslationModel {
  @Field() language: string;
  @Field() text: string;
}

@ObjectType('Broadcast', { description: 'A coordinator’s message to an audience, as sent' })
export class BroadcastModel {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => BroadcastAudienceKind) audienceKind: BroadcastAudienceKind;
  @Field(() => ID) audienceId: string;
  @Field({ description: 'The audience’s title or name when it was sent' }) audienceTitle: string;
  @Field() text: string;
  @Field(() => [BroadcastTranslationModel]) translations: BroadcastTranslationModel[];
  @Field(() => Int, { description: 'Readers reached by SMS' }) smsCount: number;
  @Field(() => Int, { description: 'Readers reached by e-mail' }) emailCount: number;
  authorId: string | null;
}

@ObjectType('BroadcastPlanGroup', { description: 'The readers of one channel and language' })
export class BroadcastPlanGroupModel {
  @Field(() => NotificationChannel) channel: NotificationChannel;
  @Field() language: string;
  @Field(() => Int) readers: number;
  @Field({ description: 'False: they get the Dutch text with a line in their language saying so' }) translated: boolean;
  @Field(() => Int, { nullable: true, description: 'SMS only: parts per message (at most 2 may be sent)' }) smsSegments: number | null;
}

@ObjectType('BroadcastPlan', { description: 'Who a broadcast would reach; nothing is sent' })
export class BroadcastPlanModel {
  @Field() audienceTitle: string;
  @Field(() => [BroadcastPlanGroupModel]) groups: BroadcastPlanGroupModel[];
  @Field(() => Int) reached: number;
  @Field(() => Int, { description: 'Participants without consent or an own phone/e-mail (not reached)' }) unreachable: number;
}
