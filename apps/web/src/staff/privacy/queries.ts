import { graphql, type ResultOf } from '../../graphql/graphql';

export const FIND_PARTICIPANTS = graphql(`
  query PrivacyFindParticipants($search: String) {
    participants(search: $search, first: 50) {
      id
      firstName
      lastName
      phone
    }
  }
`);

export const FIND_USERS = graphql(`
  query PrivacyFindUsers($search: String) {
    users(search: $search, includeInactive: true) {
      id
      displayName
      email
      roles
    }
  }
`);

export const PRIVACY_ME = graphql(`
  query PrivacyMe {
    me {
      id
    }
  }
`);

export const PRIVACY_PARTICIPANT = graphql(`
  query PrivacyParticipant($id: ID!) {
    participant(id: $id) {
      id
      firstName
      lastName
      phone
      consentToContact
      consentRecordedAt
    }
  }
`);

export const CONSENT_HISTORY = graphql(`
  query PrivacyConsentHistory($participantId: ID!) {
    consentHistory(participantId: $participantId) {
      consent
      recordedAt
      recordedBy {
        id
        displayName
      }
    }
  }
`);

export const RECORD_CONSENT = graphql(`
  mutation PrivacyRecordConsent($participantId: ID!, $consent: Boolean!) {
    recordConsent(participantId: $participantId, consent: $consent) {
      id
      consentToContact
    }
  }
`);

export const EXPORT_PERSONAL_DATA = graphql(`
  query PrivacyExport($subject: PersonalDataSubjectInput!) {
    exportPersonalData(subject: $subject) {
      exportedAt
      document
    }
  }
`);

export const ERASURE_PREVIEW = graphql(`
  query PrivacyErasurePreview($subject: PersonalDataSubjectInput!) {
    personalDataErasurePreview(subject: $subject) {
      alreadyErased
      removed {
        key
        count
      }
      kept {
        key
        count
      }
    }
  }
`);

export const ERASE_PERSONAL_DATA = graphql(`
  mutation PrivacyErase($subject: PersonalDataSubjectInput!, $reason: String!) {
    erasePersonalData(subject: $subject, reason: $reason) {
      erasedAt
      alreadyErased
    }
  }
`);

export const RETENTION_SCHEDULE = graphql(`
  query PrivacyRetentionSchedule {
    retentionSchedule {
      key
      table
      action
      keptMonths
      keptDays
      nextRunAt
      dueCount
      firstDueAt
    }
  }
`);

export const AUDIT_LOG = graphql(`
  query PrivacyAuditLog($filter: AuditLogFilter, $after: String) {
    auditLog(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          at
          action
          subjectKind
          subjectId
          operation
          reason
          actor {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const AUDIT_ACTORS = graphql(`
  query PrivacyAuditActors {
    users(includeInactive: true) {
      id
      displayName
    }
  }
`);

/** Whose privacy page: a participant or a user (volunteer or staff). */
export type SubjectKind = 'participant' | 'user';
export type PrivacySubject = { participantId: string } | { userId: string };
export const subjectOf = (kind: SubjectKind, id: string): PrivacySubject => (kind === 'participant' ? { participantId: id } : { userId: id });

export type ErasurePreview = NonNullable<ResultOf<typeof ERASURE_PREVIEW>['personalDataErasurePreview']>;
export type RetentionRule = ResultOf<typeof RETENTION_SCHEDULE>['retentionSchedule'][number];
export type AuditEntry = ResultOf<typeof AUDIT_LOG>['auditLog']['edges'][number]['node'];
