import { graphql, type ResultOf } from '../../../graphql/graphql';

/** One participant as the staff page shows them (the page and its contact form share it). */
export const PARTICIPANT = graphql(`
  query StaffParticipant($id: ID!) {
    participant(id: $id) {
      id
      firstName
      lastName
      phone
      email
      preferredLanguage
      contactChannel
      consentToContact
      consentRecordedAt
      noShowCount
      restricted
      registeredByOrganisation {
        name
      }
      registrations {
        id
        status
        session {
          id
          title
          startsAt
          endsAt
        }
      }
    }
  }
`);

export type StaffParticipant = NonNullable<ResultOf<typeof PARTICIPANT>['participant']>;
