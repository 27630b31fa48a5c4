import { graphql, type ResultOf } from '../../graphql/graphql';

/** Everything the dashboard shows in one request, from fields that already exist. */
export const DASHBOARD_QUERY = graphql(`
  query StaffDashboard($from: DateTime!, $to: DateTime!) {
    mySessions(filter: { from: $from, to: $to }, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          startsAt
          status
          capacity
          confirmedCount
          waitlistCount
          programme {
            id
            name
          }
          venue {
            id
            name
          }
        }
      }
    }
    failedMessages: notifications(filter: { status: FAILED }, first: 200) {
      id
    }
    followUps: trajectories(filter: { status: FOLLOW_UP }) {
      id
    }
    unscreenedVolunteerCount
    dueTrajectoryFollowUpCount
    festivalEditions {
      id
      name
    }
  }
`);

export type DashboardSession = ResultOf<typeof DASHBOARD_QUERY>['mySessions']['edges'][number]['node'];

/** The newest festival edition's applications; asked once the dashboard knows which edition that is. */
export const STAND_APPLICATIONS_QUERY = graphql(`
  query StaffDashboardStands($editionId: ID!) {
    standApplications(editionId: $editionId) {
      id
      bookings {
        id
        status
      }
    }
  }
`);
