import { graphql, type ResultOf } from '../../../graphql/graphql';

export const TRAJECTORY_REPORT = graphql(`
  query StaffTrajectoryReport($from: Date!, $to: Date!) {
    trajectoryReport(from: $from, to: $to) {
      from
      to
      total
      byKind {
        key
        count
      }
      byReferralChannel {
        key
        count
      }
      byStatus {
        key
        count
      }
      byOutcome {
        key
        count
      }
    }
  }
`);

export type TrajectoryReport = ResultOf<typeof TRAJECTORY_REPORT>['trajectoryReport'];

export const TRAJECTORY_REPORT_CSV = graphql(`
  query StaffTrajectoryReportCsv($from: Date!, $to: Date!) {
    trajectoryReportCsv(from: $from, to: $to)
  }
`);

/** The programmes whose sessions are the monthly meetings (kind TRAJECTORY). */
export const MEETING_PROGRAMMES = graphql(`
  query StaffMeetingProgrammes {
    programmes(includeInactive: true) {
      id
      name
      kind
    }
  }
`);

export const MEETINGS = graphql(`
  query StaffMeetings($filter: SessionFilter!) {
    sessions(filter: $filter, first: 100) {
      edges {
        node {
          id
          title
          startsAt
          endsAt
          status
          venue {
            id
            name
          }
          registrations {
            id
            status
            participant {
              id
              firstName
              lastName
            }
          }
        }
      }
    }
  }
`);

export type Meeting = ResultOf<typeof MEETINGS>['sessions']['edges'][number]['node'];

export const MEETING_MONTHS = graphql(`
  query StaffMeetingMonths($from: Date!, $to: Date!, $programmeId: ID!) {
    programmeReport(from: $from, to: $to, programmeId: $programmeId) {
      programmeId
      month
      sessionsHeld
      confirmed
      attended
      noShows
    }
  }
`);

export type MeetingMonth = ResultOf<typeof MEETING_MONTHS>['programmeReport'][number];
