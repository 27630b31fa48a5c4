import { graphql, type ResultOf } from '../../../graphql/graphql';

export const MATCH_TRAJECTORY = graphql(`
  query StaffMatchTrajectory($id: ID!) {
    trajectory(id: $id) {
      id
      kind
      status
      participant {
        id
        firstName
        lastName
        preferredLanguage
      }
      buddy {
        id
        displayName
      }
      hostOrganisation {
        id
        name
      }
    }
  }
`);

export type MatchTrajectory = NonNullable<ResultOf<typeof MATCH_TRAJECTORY>['trajectory']>;

export const BUDDY_PROPOSALS = graphql(`
  query StaffBuddyProposals($participantId: ID!, $neighbourhood: String) {
    suggestBuddies(participantId: $participantId, neighbourhood: $neighbourhood, limit: 10) {
      buddy {
        id
        displayName
      }
      sharedLanguages
      sameNeighbourhood
      activeBuddyTrajectories
      screeningStatus
    }
  }
`);

export const HOST_PROPOSALS = graphql(`
  query StaffHostProposals($trajectoryId: ID!, $neighbourhood: String) {
    suggestHostOrganisations(trajectoryId: $trajectoryId, neighbourhood: $neighbourhood, limit: 10) {
      organisation {
        id
        name
        kind
      }
      screeningStatus
      screened
      screeningExpired
      screeningValidUntil
      kindFits
      sameNeighbourhood
      placesInNeighbourhood
      activeTrajectories
      paysVolunteerAllowance
    }
  }
`);

export const CHOOSE_MATCH = graphql(`
  mutation StaffChooseMatch($id: ID!, $input: UpdateTrajectoryInput!) {
    updateTrajectory(id: $id, input: $input) {
      id
    }
  }
`);
