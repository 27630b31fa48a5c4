import { graphql, type ResultOf } from '../../graphql/graphql';

export const PROGRAMMES_QUERY = graphql(`
  query StaffProgrammes {
    programmes(includeInactive: true) {
      id
      name
      kind
      active
      defaultCapacity
      reminderOffsetsMinutes
      languages
      description
      childcareCapacity
      listsChildren
      seatOfferWindowMinutes
      seatOfferHoldMinutes
    }
  }
`);

export type ProgrammeRow = ResultOf<typeof PROGRAMMES_QUERY>['programmes'][number];

export const CREATE_PROGRAMME = graphql(`
  mutation StaffCreateProgramme($input: CreateProgrammeInput!) {
    createProgramme(input: $input) {
      id
    }
  }
`);

export const UPDATE_PROGRAMME = graphql(`
  mutation StaffUpdateProgramme($id: ID!, $input: UpdateProgrammeInput!) {
    updateProgramme(id: $id, input: $input) {
      id
      active
    }
  }
`);

/** Coordinators see every session in mySessions, also those of an archived programme. */
export const PROGRAMME_SESSIONS_QUERY = graphql(`
  query StaffProgrammeSessions($filter: SessionFilter!) {
    mySessions(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          startsAt
          seriesId
          status
          capacity
          confirmedCount
          waitlistCount
          venue {
            id
            name
          }
        }
      }
    }
  }
`);

export const PROGRAMME_KINDS = ['TABLE', 'SERIES_COURSE', 'TRAJECTORY', 'FESTIVAL'] as const;

/** The languages the public site speaks; a programme may also be offered in others (by tag). */
export const PLATFORM_LANGUAGES = ['nl', 'fr', 'en', 'ar', 'ru', 'prs', 'ps', 'so', 'ro', 'ur', 'uk', 'tr'] as const;

/** The reminder choices offered: 1 week, 48 h, 24 h and 2 h before, in minutes as the API keeps them. */
export const REMINDER_CHOICES = [10080, 2880, 1440, 120] as const;
