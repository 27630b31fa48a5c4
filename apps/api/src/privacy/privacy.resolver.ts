import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { AuditLog, ConsentService, Erasure, PersonalDataErasure, PersonalDataExporter, RetentionService } from '@app/privacy';
import { UserModel } from '../auth/auth.models';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { ParticipantModel } from '../registrations/registrations.models';
import {
  AuditLogConnectionModel,
  AuditLogEntryModel,
  AuditLogFilterInput,
  ConsentRecordModel,
  PersonalDataErasureModel,
  PersonalDataErasurePreviewModel,
  PersonalDataExportModel,
  PersonalDataSubjectInput,
  RetentionRuleModel,
} from './privacy.models';

const toErasureModel = (erasure: Erasure): PersonalDataErasureModel => ({ ...erasure, subjectKind: erasure.subject.kind, subjectId: erasure.subject.id });

/** Whoever the user behind an id is, or null (the system, or an id that is gone). */
const userOrNull = (loaders: RequestLoaders, userId: string | null): Promise<UserModel | null> | null => (userId ? loaders.user.load(userId) : null);

/** Export and erasure on request (coordinators), the audit log (admins), consent after registration. */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly exporter: PersonalDataExporter,
    private readonly erasure: PersonalDataErasure,
    private readonly consent: ConsentService,
    private readonly audit: AuditLog,
    private readonly retention: RetentionService,
  ) {}

  @Query(() => PersonalDataExportModel, {
    description: 'Everything stored about a participant or user, as one JSON document (a subject access request). Coordinators; recorded in the audit log',
  })
  async exportPersonalData(@CurrentActor() actor: Actor | null, @Args('subject') subject: PersonalDataSubjectInput): Promise<PersonalDataExportModel> {
    const exported = await this.exporter.exportPersonalData(actor, subject);
    return { subjectKind: exported.subject.kind, subjectId: exported.subject.id, exportedAt: exported.exportedAt, document: exported.document };
  }

  @Mutation(() => PersonalDataErasureModel, {
    description:
      'Anonymises a participant or user on request (see README "Privacy" for the fields); figures stay. Coordinators; the reason goes to the audit log, so write no personal details in it',
  })
  async erasePersonalData(
    @CurrentActor() actor: Actor | null,
    @Args('subject') subject: PersonalDataSubjectInput,
    @Args('reason', { description: 'e.g. "request by e-mail of 2026-11-23, ticket 1234"' }) reason: string,
  ): Promise<PersonalDataErasureModel> {
    return toErasureModel(await this.erasure.erasePersonalData(actor, subject, reason));
  }

  @Query(() => PersonalDataErasurePreviewModel, {
    description: 'What erasePersonalData would remove and what stays as anonymous counts, for its confirmation. Coordinators; changes nothing',
  })
  async personalDataErasurePreview(
    @CurrentActor() actor: Actor | null,
    @Args('subject') subject: PersonalDataSubjectInput,
  ): Promise<PersonalDataErasurePreviewModel> {
    const preview = await this.erasure.previewErasure(actor, subject);
    return { ...preview, subjectKind: preview.subject.kind, subjectId: preview.subject.id };
  }

  @Query(() => [ConsentRecordModel], { description: "A participant's answers to consent to be contacted, newest first; for whoever may record it" })
  consentHistory(@CurrentActor() actor: Actor | null, @Args('participantId', { type: () => ID }) participantId: string): Promise<ConsentRecordModel[]> {
    return this.consent.consentHistory(actor, participantId);
  }

  @Query(() => [RetentionRuleModel], { description: 'How long each kind of personal data is kept, and what the retention job removes next. Coordinators' })
  retentionSchedule(@CurrentActor() actor: Actor | null): Promise<RetentionRuleModel[]> {
    return this.retention.schedule(actor);
  }

  @Mutation(() => ParticipantModel, {
    description: 'Consent to be contacted, given or withdrawn, with the date and you as who recorded it; withdrawing cancels the messages still to be sent',
  })
  recordConsent(
    @CurrentActor() actor: Actor | null,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('consent', { type: () => Boolean }) consent: boolean,
  ): Promise<ParticipantModel> {
    return this.consent.recordConsent(actor, participantId, consent);
  }

  @Query(() => AuditLogConnectionModel, {
    description: 'Who read, changed, exported or erased whose personal data, newest first (first: 1-200, default 50). Admins',
  })
  async auditLog(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter?: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<AuditLogConnectionModel> {
    const page = await this.audit.list(actor, filter ?? {}, first, after);
    return {
      edges: page.entries.map((node, index) => ({ node, cursor: page.cursors[index] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      totalCount: page.totalCount,
    };
  }
}

@Resolver(() => AuditLogEntryModel)
export class AuditLogEntryResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Null for the system (the retention job) and for changes made outside the API' })
  actor(@Parent() entry: AuditLogEntryModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> | null {
    return userOrNull(loaders, entry.actorUserId);
  }
}

@Resolver(() => PersonalDataErasureModel)
export class PersonalDataErasureResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Null when the retention job erased them' })
  erasedBy(@Parent() erasure: PersonalDataErasureModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> | null {
    return userOrNull(loaders, erasure.erasedById);
  }
}

/** Who recorded a participant's consent; beside ParticipantsResolver's fields. */
@Resolver(() => ParticipantModel)
export class ParticipantConsentResolver {
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who recorded consentToContact (at consentRecordedAt); null when never recorded or by the retention job',
  })
  consentRecordedBy(@Parent() participant: ParticipantModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> | null {
    return userOrNull(loaders, participant.consentRecordedById);
  }
}

@Resolver(() => ConsentRecordModel)
export class ConsentRecordResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Who recorded it; null for the system' })
  recordedBy(@Parent() record: ConsentRecordModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> | null {
    return userOrNull(loaders, record.recordedById);
  }
}
