import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AuditAction, AuditSubjectKind, RetentionAction } from '@app/privacy';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';
import { PageInfoModel } from '../scheduling/scheduling.models';

registerEnumType(AuditAction, { name: 'AuditAction', description: 'READ of personal data, a CHANGE to it, an EXPORT or an ERASE' });
registerEnumType(RetentionAction, {
  name: 'RetentionAction',
  description: 'ANONYMISE: the personal fields go, the row stays for the figures; DELETE: the row goes; KEEP: no job removes it',
});
registerEnumType(AuditSubjectKind, { name: 'AuditSubjectKind', description: 'Whose data: a participant, a user (volunteer or staff) or a Picnik trajectory' });

@InputType('PersonalDataSubjectInput', { description: 'Exactly one of the two' })
export class PersonalDataSubjectInput {
  @Field(() => ID, { nullable: true, description: 'A newcomer or parent' }) participantId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A volunteer or staff member' }) userId?: string | null;
}

@ObjectType('PersonalDataExport')
export class PersonalDataExportModel {
  @Field(() => AuditSubjectKind) subjectKind: AuditSubjectKind;
  @Field(() => ID) subjectId: string;
  @Field(() => DateTimeScalar) exportedAt: Date;
  @Field(() => JSONScalar, { description: 'Every stored row about the person, column names as stored (snake_case); save it as a .json file for them' })
  document: Record<string, unknown>;
}

@ObjectType('PersonalDataErasure')
export class PersonalDataErasureModel {
  @Field(() => AuditSubjectKind) subjectKind: AuditSubjectKind;
  @Field(() => ID) subjectId: string;
  @Field(() => DateTimeScalar) erasedAt: Date;
  @Field({ description: 'Erased before: this call changed nothing' }) alreadyErased: boolean;
  @Field(() => Int, { description: 'Messages that were still to be sent to them, now cancelled' }) cancelledNotifications: number;
  erasedById: string | null;
}

@ObjectType('AuditLogEntry')
export class AuditLogEntryModel {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) at: Date;
  @Field(() => AuditAction) action: AuditAction;
  @Field(() => AuditSubjectKind) subjectKind: AuditSubjectKind;
  @Field(() => ID) subjectId: string;
  @Field({ description: 'The GraphQL operation or the job (anonymise-inactive-participants); "unattributed" for changes made outside both' }) operation: string;
  @Field(() => String, { nullable: true, description: 'The X-Request-Id of the HTTP request, as in the logs' }) requestId: string | null;
  @Field(() => String, { nullable: true, description: 'Why, for an ERASE' }) reason: string | null;
  actorUserId: string | null;
}

@ObjectType('AuditLogEdge')
export class AuditLogEdgeModel {
  @Field() cursor: string;
  @Field(() => AuditLogEntryModel) node: AuditLogEntryModel;
}

@ObjectType('AuditLogConnection')
export class AuditLogConnectionModel {
  @Field(() => [AuditLogEdgeModel]) edges: AuditLogEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

@InputType('AuditLogFilter')
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Who acted' }) actorId?: string | null;
  @Field(() => ID, { nullable: true, description: "Whose data: a participant's id also finds the entries about their trajectories" }) subjectId?: string | null;
  @Field(() => AuditAction, { nullable: true }) action?: AuditAction | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'From this instant on' }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Before this instant' }) to?: Date | null;
}

@ObjectType('ConsentRecord', { description: 'One answer to "may we contact you?", as recorded' })
export class ConsentRecordModel {
  @Field(() => ID) participantId: string;
  @Field() consent: boolean;
  @Field(() => DateTimeScalar) recordedAt: Date;
  recordedById: string | null;
}

@ObjectType('ErasurePreviewItem')
export class ErasurePreviewItemModel {
  @Field({ description: 'Stable key of the kind of data (personalDetails, notes, registrations, …); the client words it' }) key: string;
  @Field(() => Int) count: number;
}

@ObjectType('PersonalDataErasurePreview', { description: 'What erasePersonalData would do, in numbers; changes nothing' })
export class PersonalDataErasurePreviewModel {
  @Field(() => AuditSubjectKind) subjectKind: AuditSubjectKind;
  @Field(() => ID) subjectId: string;
  @Field({ description: 'Erased before: nothing left to remove' }) alreadyErased: boolean;
  @Field(() => [ErasurePreviewItemModel], { description: 'What goes: anonymised, emptied, deleted or cancelled' }) removed: ErasurePreviewItemModel[];
  @Field(() => [ErasurePreviewItemModel], { description: 'What stays, as anonymous counts in the reports' }) kept: ErasurePreviewItemModel[];
}

@ObjectType('RetentionRule', { description: 'One kind of personal data: how long it is kept and what the next run of the retention job removes' })
export class RetentionRuleModel {
  @Field({ description: 'Stable key (inactiveParticipants, codeRequests, accounts, anonymousFigures, auditLog); the client words what and why' }) key: string;
  @Field({ description: 'The table it is stored in' }) table: string;
  @Field(() => RetentionAction) action: RetentionAction;
  @Field(() => Int, { nullable: true, description: 'Kept this many months after the last activity' }) keptMonths: number | null;
  @Field(() => Int, { nullable: true, description: 'Kept this many days after it expired' }) keptDays: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The next run of the job that removes it; null when none does' }) nextRunAt: Date | null;
  @Field(() => Int, { description: 'How many the next run removes' }) dueCount: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the earliest stored one is (or was) due' }) firstDueAt: Date | null;
}
