import { graphql, type ResultOf } from '../../graphql/graphql';

export const SKILLS = ['HOST', 'WELCOME', 'TRANSLATOR', 'CHILDCARE', 'COOKING', 'SETUP', 'BUDDY'] as const;
export type Skill = (typeof SKILLS)[number];
export const DAYPARTS = ['MORNING', 'AFTERNOON', 'EVENING'] as const;
export type DaypartName = (typeof DAYPARTS)[number];
export const SCREENING = ['NOT_REQUESTED', 'REQUESTED', 'RECEIVED'] as const;
export type Screening = (typeof SCREENING)[number];

/** Every active volunteer, and the profiles of those who have one (joined by user id). */
export const VOLUNTEERS_QUERY = graphql(`
  query StaffVolunteers {
    volunteers {
      id
      displayName
      email
    }
    volunteerProfiles {
      id
      phone
      languages
      skills
      availableWeekdays
      availableDayparts
      neighbourhood
      screeningStatus
      screeningDate
      trainings
      noShowCount
      consecutiveNoShows
      flaggedForNoShows
      absences {
        id
        startsOn
        endsOn
        reason
      }
      volunteer {
        id
      }
    }
    registrationSettings {
      noShowFlagThreshold
    }
  }
`);

export type VolunteerUser = ResultOf<typeof VOLUNTEERS_QUERY>['volunteers'][number];
export type ProfileRow = ResultOf<typeof VOLUNTEERS_QUERY>['volunteerProfiles'][number];

export const VOLUNTEER_QUERY = graphql(`
  query StaffVolunteer($id: ID!) {
    volunteerProfile(volunteerId: $id) {
      id
      phone
      languages
      skills
      availableWeekdays
      availableDayparts
      neighbourhood
      screeningStatus
      screeningDate
      trainings
      noShowCount
      consecutiveNoShows
      flaggedForNoShows
      absences {
        id
        startsOn
        endsOn
        reason
      }
      volunteer {
        id
        displayName
        email
      }
    }
    volunteerShiftHistory(volunteerId: $id) {
      id
      status
      startsAt
      endsAt
      shift {
        id
        title
        role
      }
    }
    volunteers {
      id
      displayName
      email
    }
  }
`);

export type VolunteerProfile = NonNullable<ResultOf<typeof VOLUNTEER_QUERY>['volunteerProfile']>;
export type HistoryRow = ResultOf<typeof VOLUNTEER_QUERY>['volunteerShiftHistory'][number];

export const SAVE_PROFILE = graphql(`
  mutation StaffSaveVolunteerProfile($volunteerId: ID!, $input: VolunteerProfileInput!) {
    saveVolunteerProfile(volunteerId: $volunteerId, input: $input) {
      id
    }
  }
`);

export const ADD_ABSENCE = graphql(`
  mutation StaffAddVolunteerAbsence($volunteerId: ID!, $input: AbsenceInput!) {
    addVolunteerAbsence(volunteerId: $volunteerId, input: $input) {
      id
    }
  }
`);

export const REMOVE_ABSENCE = graphql(`
  mutation StaffRemoveVolunteerAbsence($id: ID!) {
    removeVolunteerAbsence(id: $id)
  }
`);

export const SET_THRESHOLD = graphql(`
  mutation StaffSetNoShowFlagThreshold($threshold: Int!) {
    setNoShowFlagThreshold(threshold: $threshold) {
      noShowFlagThreshold
    }
  }
`);

/** What the planner can pick: sessions from two weeks back (attendance comes after) and festival editions. */
export const PLANNING_CHOICES_QUERY = graphql(`
  query StaffPlanningChoices($from: DateTime!) {
    mySessions(filter: { from: $from }, first: 100) {
      edges {
        node {
          id
          title
          startsAt
          seriesId
        }
      }
    }
    festivalEditions {
      id
      name
      startsOn
      endsOn
    }
  }
`);

export const SESSION_SHIFTS_QUERY = graphql(`
  query StaffSessionShifts($sessionId: ID!, $from: DateTime!) {
    session(id: $sessionId) {
      id
      title
      startsAt
      endsAt
      seriesId
    }
    shifts(filter: { sessionId: $sessionId, from: $from }) {
      id
      title
      role
      needed
      filled
      openPlaces
      startsAt
      endsAt
      status
      notes
      assignments {
        id
        status
        startsAt
        volunteer {
          id
          displayName
        }
      }
    }
  }
`);

export const DAY_SHIFTS_QUERY = graphql(`
  query StaffDayShifts($editionId: ID!, $from: DateTime!, $to: DateTime!) {
    festivalEdition(id: $editionId) {
      id
      name
    }
    shifts(filter: { editionId: $editionId, from: $from, to: $to }) {
      id
      title
      role
      needed
      filled
      openPlaces
      startsAt
      endsAt
      status
      notes
      assignments {
        id
        status
        startsAt
        volunteer {
          id
          displayName
        }
      }
    }
  }
`);

export type ShiftRow = ResultOf<typeof SESSION_SHIFTS_QUERY>['shifts'][number];

/** Names for the "someone else" choice on a shift. */
export const VOLUNTEER_NAMES_QUERY = graphql(`
  query StaffVolunteerNames {
    volunteers {
      id
      displayName
    }
  }
`);

export const SUGGESTIONS_QUERY = graphql(`
  query StaffShiftSuggestions($shiftId: ID!) {
    suggestVolunteers(shiftId: $shiftId, limit: 5) {
      score
      hasSkill
      sharedLanguages
      usuallyAvailable
      upcomingShifts
      volunteer {
        id
        displayName
      }
    }
  }
`);

export const CREATE_SHIFT = graphql(`
  mutation StaffCreateShift($input: CreateShiftInput!) {
    createShift(input: $input) {
      id
    }
  }
`);

export const CREATE_SERIES_SHIFTS = graphql(`
  mutation StaffCreateSeriesShifts($input: CreateSeriesShiftsInput!) {
    createSeriesShifts(input: $input) {
      id
    }
  }
`);

export const CANCEL_SHIFT = graphql(`
  mutation StaffCancelShift($id: ID!) {
    cancelShift(id: $id) {
      id
    }
  }
`);

export const ASSIGN_VOLUNTEER = graphql(`
  mutation StaffAssignVolunteer($shiftId: ID!, $volunteerId: ID!) {
    assignVolunteer(shiftId: $shiftId, volunteerId: $volunteerId) {
      id
    }
  }
`);

/** A coordinator takes a volunteer off a shift: the same release (and events) as the volunteer giving it back. */
export const UNASSIGN_VOLUNTEER = graphql(`
  mutation StaffUnassignVolunteer($assignmentId: ID!) {
    dropShift(assignmentId: $assignmentId) {
      id
    }
  }
`);

export const MARK_SHIFT_ATTENDANCE = graphql(`
  mutation StaffMarkShiftAttendance($assignmentId: ID!, $attended: Boolean!) {
    markShiftAttendance(assignmentId: $assignmentId, attended: $attended) {
      id
    }
  }
`);

/** Absent on the given day (YYYY-MM-DD). */
export function absentOn(absences: readonly { startsOn: string; endsOn: string }[], day: string): boolean {
  return absences.some((absence) => absence.startsOn <= day && day <= absence.endsOn);
}

/** Today in Brussels, YYYY-MM-DD. */
export function brusselsToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}
