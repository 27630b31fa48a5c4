import { graphql, type ResultOf } from '../../graphql/graphql';

export const SESSION_QUERY = graphql(`
  query StaffSession($id: ID!) {
    session(id: $id) {
      id
      title
      startsAt
      endsAt
      status
      capacity
      confirmedCount
      waitlistCount
      availableSeats
      cancellationReason
      programme {
        id
        name
        listsChildren
      }
      childcare {
        capacity
        placed
        waitlisted
      }
      venue {
        id
        name
      }
      hosts {
        id
        displayName
      }
      registrations {
        id
        status
        waitlistPosition
        walkIn
        children
        childcareStatus
        childcareWaitingPosition
        seatOfferExpiresAt
        participant {
          id
          anonymous
          firstName
          lastName
          phone
          email
          contactChannel
          consentToContact
          restricted
        }
      }
    }
  }
`);

export type StaffSession = NonNullable<ResultOf<typeof SESSION_QUERY>['session']>;
export type RegistrationRow = StaffSession['registrations'][number];

export const PROGRAMMES_AND_VENUES = graphql(`
  query StaffSessionChoices {
    programmes {
      id
      name
      defaultCapacity
    }
    organisations {
      id
      name
      venues {
        id
        name
      }
    }
  }
`);

export const UPCOMING_SESSIONS = graphql(`
  query StaffUpcomingSessions($filter: SessionFilter) {
    mySessions(filter: $filter, first: 100) {
      edges {
        node {
          id
          title
          startsAt
          endsAt
          availableSeats
          venue {
            name
          }
        }
      }
    }
  }
`);

export const CREATE_SESSION = graphql(`
  mutation StaffCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) {
      id
    }
  }
`);

export const MOVE_SESSION = graphql(`
  mutation StaffMoveSession($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $venueId: ID) {
    moveSession(id: $id, startsAt: $startsAt, endsAt: $endsAt, venueId: $venueId) {
      id
    }
  }
`);

export const UPDATE_CAPACITY = graphql(`
  mutation StaffUpdateSessionCapacity($id: ID!, $capacity: Int!) {
    updateSessionCapacity(id: $id, capacity: $capacity) {
      id
    }
  }
`);

export const CANCEL_SESSION = graphql(`
  mutation StaffCancelSession($id: ID!, $reason: String) {
    cancelSession(id: $id, reason: $reason) {
      id
    }
  }
`);

export const PARTICIPANT_SEARCH = graphql(`
  query StaffParticipantSearch($search: String) {
    participants(search: $search, first: 20) {
      id
      firstName
      lastName
      phone
    }
  }
`);

export const REGISTER_PARTICIPANT = graphql(`
  mutation StaffRegisterParticipant($input: RegisterParticipantInput!) {
    registerParticipant(input: $input) {
      id
      status
    }
  }
`);

export const CANCEL_REGISTRATION = graphql(`
  mutation StaffCancelRegistration($id: ID!) {
    cancelRegistration(id: $id) {
      id
    }
  }
`);

export const MOVE_REGISTRATION = graphql(`
  mutation StaffMoveRegistration($registrationId: ID!, $toSessionId: ID!) {
    moveRegistration(registrationId: $registrationId, toSessionId: $toSessionId) {
      id
      status
    }
  }
`);

export const MARK_ATTENDANCE = graphql(`
  mutation StaffMarkAttendance($registrationId: ID!, $attended: Boolean!) {
    markAttendance(registrationId: $registrationId, attended: $attended) {
      id
    }
  }
`);

export const HOST_CANDIDATES = graphql(`
  query StaffSessionHostCandidates {
    sessionHostCandidates {
      id
      displayName
    }
  }
`);

export const ASSIGN_HOST = graphql(`
  mutation StaffAssignSessionHost($sessionId: ID!, $userId: ID!) {
    assignSessionHost(sessionId: $sessionId, userId: $userId) {
      id
    }
  }
`);

export const UNASSIGN_HOST = graphql(`
  mutation StaffUnassignSessionHost($sessionId: ID!, $userId: ID!) {
    unassignSessionHost(sessionId: $sessionId, userId: $userId) {
      id
    }
  }
`);
