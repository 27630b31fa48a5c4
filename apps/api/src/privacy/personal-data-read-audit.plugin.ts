import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { BREAK, DocumentNode, FieldNode, GraphQLResolveInfo, GraphQLSchema, Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { AuditLog, AuditRead, AuditSubjectKind } from '@app/privacy';
import { perDocument } from '../graphql/per-document';
import type { RequestContext } from '../graphql/request-context';
import { requestIdOf } from './audit-scope.interceptor';

type Source = Record<string, unknown>;

/**
 * The GraphQL types that carry personal data, and whose data each object is. Any field of theirs
 * but the id counts as a read, however the object was reached (a participant through a session's
 * registrations, a trajectory's follow-ups, …): the audit follows the data, not a list of operations.
 */
export const PERSONAL_DATA_TYPES: Readonly<Record<string, { kind: AuditSubjectKind; subjectOf: (source: Source) => unknown }>> = {
  Participant: { kind: AuditSubjectKind.PARTICIPANT, subjectOf: (participant) => participant.id },
  VolunteerProfile: { kind: AuditSubjectKind.USER, subjectOf: (profile) => profile.userId },
  VolunteerAbsence: { kind: AuditSubjectKind.USER, subjectOf: (absence) => absence.userId },
  Trajectory: { kind: AuditSubjectKind.TRAJECTORY, subjectOf: (trajectory) => trajectory.id },
  TrajectoryStatusChange: { kind: AuditSubjectKind.TRAJECTORY, subjectOf: (change) => change.trajectoryId },
  TrajectoryFollowUp: { kind: AuditSubjectKind.TRAJECTORY, subjectOf: (followUp) => followUp.trajectoryId },
  ConsentRecord: { kind: AuditSubjectKind.PARTICIPANT, subjectOf: (record) => record.participantId },
  SmsReply: { kind: AuditSubjectKind.PARTICIPANT, subjectOf: (reply) => reply.participantId },
};

const IDENTIFYING_ONLY = new Set(['id', '__typename']);

/** Whether the operation selects personal data, decided once per document (bench/README.md). */
export const selectsPersonalData = perDocument(walkSelectsPersonalData);

/** Whether the operation asks for any field of a personal-data type; the public schedule, for one, does not. */
function walkSelectsPersonalData(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let selects = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        selects = Object.hasOwn(PERSONAL_DATA_TYPES, typeInfo.getParentType()?.name ?? '');
        return selects ? BREAK : undefined;
      },
    }),
  );
  return selects;
}

/** The query or mutation a field was reached through (its name, not an alias). */
function operationOf(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  const root = info.operation.selectionSet.selections.find(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && (selection.alias ?? selection.name).value === path.key,
  );
  return root?.name.value ?? String(path.key);
}

/**
 * Records every read of personal data in the audit log, once per subject and operation of a request,
 * after the operation ran and before the answer leaves. When the entries cannot be written the
 * answer is replaced by an error: personal data never leaves unrecorded.
 */
@Plugin()
export class PersonalDataReadAudit implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger(PersonalDataReadAudit.name);

  constructor(private readonly auditLog: AuditLog) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    const reads = new Map<string, AuditRead>();
    return {
      // Only operations that can show personal data pay for watching every field they resolve.
      executionDidStart: async ({ schema, document }) => {
        if (!selectsPersonalData(schema, document)) return;
        return {
          willResolveField: ({ source, info }) => {
            const personal = PERSONAL_DATA_TYPES[info.parentType.name];
            if (!personal || IDENTIFYING_ONLY.has(info.fieldName)) return;
            const subjectId = personal.subjectOf(source as Source);
            if (typeof subjectId !== 'string') return;
            const operation = operationOf(info);
            reads.set(`${personal.kind}|${subjectId}|${operation}`, { subjectKind: personal.kind, subjectId, operation });
          },
        };
      },
      willSendResponse: async ({ contextValue, response }) => {
        if (reads.size === 0) return;
        try {
          await this.auditLog.recordReads(contextValue.actor?.userId ?? null, requestIdOf(contextValue.req), [...reads.values()]);
        } catch (error) {
          this.logger.error({ err: error }, 'could not record reads of personal data; the answer is withheld');
          response.body = {
            kind: 'single',
            singleResult: {
              errors: [
                {
                  message: 'The access to personal data could not be recorded, so nothing is shown; try again later',
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                },
              ],
            },
          };
          response.http.status = 500;
        }
      },
    };
  }
}
