import { graphql, type ResultOf } from '../../graphql/graphql';

export const NOTIFICATIONS_QUERY = graphql(`
  query StaffNotifications($filter: NotificationFilter) {
    notifications(filter: $filter, first: 200) {
      id
      kind
      channel
      language
      status
      dueAt
      sentAt
      attempts
      lastError
      participant {
        id
        firstName
        lastName
      }
      session {
        id
        title
      }
      attemptsLog {
        attempt
        outcome
        startedAt
        finishedAt
        error
        providerId
      }
    }
  }
`);

export type NotificationRow = ResultOf<typeof NOTIFICATIONS_QUERY>['notifications'][number];

export const RESEND_NOTIFICATION = graphql(`
  mutation StaffResendNotification($id: ID!) {
    resendNotification(id: $id) {
      id
      status
    }
  }
`);

export const MESSAGE_PREVIEW = graphql(`
  query StaffMessagePreview($kind: String!, $language: String!, $channel: NotificationChannel!) {
    messagePreview(kind: $kind, language: $language, channel: $channel) {
      kind
      language
      direction
      channel
      subject
      text
      sms
      smsSegments
      smsEncoding
    }
  }
`);

export const AUDIENCE_CHOICES = graphql(`
  query StaffBroadcastAudiences {
    programmes {
      id
      name
    }
    festivalEditions {
      id
      name
    }
  }
`);

export const PROGRAMME_SESSIONS = graphql(`
  query StaffBroadcastSessions($filter: SessionFilter) {
    sessions(filter: $filter, first: 100) {
      edges {
        node {
          id
          title
          startsAt
          seriesId
        }
      }
    }
  }
`);

export const BROADCAST_PLAN = graphql(`
  query StaffBroadcastPlan($input: BroadcastDraftInput!) {
    broadcastPlan(input: $input) {
      audienceTitle
      reached
      unreachable
      groups {
        channel
        language
        readers
        translated
        smsSegments
      }
    }
  }
`);

export type BroadcastPlan = ResultOf<typeof BROADCAST_PLAN>['broadcastPlan'];

export const BROADCAST_MESSAGE = graphql(`
  mutation StaffBroadcastMessage($input: BroadcastMessageInput!) {
    broadcastMessage(input: $input) {
      id
      smsCount
      emailCount
    }
  }
`);

export const BROADCASTS_QUERY = graphql(`
  query StaffBroadcasts {
    broadcasts(first: 50) {
      id
      createdAt
      audienceKind
      audienceTitle
      text
      smsCount
      emailCount
      author {
        id
        displayName
      }
    }
  }
`);

export type BroadcastRow = ResultOf<typeof BROADCASTS_QUERY>['broadcasts'][number];

export const SMS_REPLIES_QUERY = graphql(`
  query StaffSmsReplies {
    smsReplies(first: 200) {
      totalCount
      replies {
        id
        receivedAt
        maskedFrom
        keyword
        outcome
        text
        participantId
        firstName
        sessionTitle
      }
    }
  }
`);

export type SmsReplyRow = ResultOf<typeof SMS_REPLIES_QUERY>['smsReplies']['replies'][number];
