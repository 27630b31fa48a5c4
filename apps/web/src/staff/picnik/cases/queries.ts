import { graphql, type ResultOf } from '../../../graphql/graphql';

export const STATUSES = ['INTAKE', 'MATCHED', 'ACTIVE', 'FOLLOW_UP', 'CLOSED'] as const;
export type CaseStatus = (typeof STATUSES)[number];
export const KINDS = ['BUDDY', 'VOLUNTEERING', 'ASSOCIATION', 'INTERNSHIP'] as const;
export type CaseKind = (typeof KINDS)[number];
export const REFERRAL_CHANNELS = ['SCHOOL', 'INTEGRATION_AGENCY', 'ADULT_EDUCATION', 'CONVERSATION_TABLE', 'FMDO', 'KIND_EN_GEZIN', 'SELF', 'OTHER'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];
export const OUTCOMES = ['CONTINUES_AT_REFU_INTERIM', 'ASSOCIATION_MEMBER', 'CITY_PROJECTS', 'OTHER', 'UNKNOWN'] as const;
export type CaseOutcome = (typeof OUTCOMES)[number];
export const FOLLOW_UP_OUTCOMES = ['STAYED_MEMBER', 'FOUND_WORK_VIA_INTERIM', 'FOUND_WORK', 'JOINED_CITY_PROJECT', 'FURTHER_TRAINING', 'OTHER'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * The status moves of libs/volunteers (trajectories.service.ts, NEXT): the API refuses any other.
 * The web app cannot import the server's lib, so they are repeated here; change them together.
 */
export const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  INTAKE: ['MATCHED', 'CLOSED'],
  MATCHED: ['ACTIVE', 'INTAKE', 'CLOSED'],
  ACTIVE: ['FOLLOW_UP', 'CLOSED'],
  FOLLOW_UP: ['CLOSED', 'ACTIVE'],
  CLOSED: ['FOLLOW_UP'],
};

export const CASES_QUERY = graphql(`
  query StaffPicnikCases($filter: TrajectoryFilter) {
    trajectories(filter: $filter) {
      id
      kind
      referralChannel
      status
      startsOn
      endsOn
      participant {
        id
        firstName
        lastName
      }
      buddy {
        id
        displayName
      }
      hostOrganisation {
        id
        name
      }
      followUps {
        id
        dueOn
        recordedOn
      }
    }
  }
`);

export type CaseRow = ResultOf<typeof CASES_QUERY>['trajectories'][number];

/** The buddies and host organisations the filters and the edit form offer. */
export const CASE_CHOICES_QUERY = graphql(`
  query StaffPicnikChoices {
    volunteers {
      id
      displayName
    }
    organisations {
      id
      name
    }
  }
`);

export const CASE_QUERY = graphql(`
  query StaffPicnikCase($id: ID!) {
    trajectory(id: $id) {
      id
      kind
      referralChannel
      status
      outcome
      startsOn
      endsOn
      notes
      participant {
        id
        firstName
        lastName
        phone
        preferredLanguage
        contactChannel
      }
      buddy {
        id
        displayName
      }
      hostOrganisation {
        id
        name
      }
      history {
        fromStatus
        toStatus
        note
        createdAt
        by {
          id
          displayName
        }
      }
      followUps {
        id
        dueOn
        plannedNote
        recordedOn
        outcomes
        note
      }
    }
  }
`);

export type CaseDetails = NonNullable<ResultOf<typeof CASE_QUERY>['trajectory']>;

export const PARTICIPANT_SEARCH = graphql(`
  query StaffPicnikParticipants($search: String) {
    participants(search: $search, first: 20) {
      id
      firstName
      lastName
      phone
      preferredLanguage
    }
  }
`);

export const CREATE_CASE = graphql(`
  mutation StaffPicnikCreateCase($input: CreateTrajectoryInput!) {
    createTrajectory(input: $input) {
      id
    }
  }
`);

export const UPDATE_CASE = graphql(`
  mutation StaffPicnikUpdateCase($id: ID!, $input: UpdateTrajectoryInput!) {
    updateTrajectory(id: $id, input: $input) {
      id
    }
  }
`);

export const CHANGE_CASE_STATUS = graphql(`
  mutation StaffPicnikChangeStatus($id: ID!, $status: TrajectoryStatus!, $note: String, $outcome: TrajectoryOutcome) {
    changeTrajectoryStatus(id: $id, status: $status, note: $note, outcome: $outcome) {
      id
      status
    }
  }
`);

export const PLAN_FOLLOW_UP = graphql(`
  mutation StaffPicnikPlanFollowUp($id: ID!, $input: PlanFollowUpInput!) {
    planTrajectoryFollowUp(id: $id, input: $input) {
      id
    }
  }
`);

export const COMPLETE_FOLLOW_UP = graphql(`
  mutation StaffPicnikCompleteFollowUp($followUpId: ID!, $input: CompleteFollowUpInput!) {
    completeTrajectoryFollowUp(followUpId: $followUpId, input: $input) {
      id
    }
  }
`);

export const ADD_FOLLOW_UP = graphql(`
  mutation StaffPicnikAddFollowUp($id: ID!, $input: FollowUpInput!) {
    addTrajectoryFollowUp(id: $id, input: $input) {
      id
    }
  }
`);

/** Today in Brussels as YYYY-MM-DD: when a planned follow-up is due, as the API counts it. */
export function brusselsToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isFollowUpDue(followUps: readonly { dueOn: string | null; recordedOn: string | null }[], today: string): boolean {
  return followUps.some((followUp) => !followUp.recordedOn && !!followUp.dueOn && followUp.dueOn <= today);
}

export const fullName = (person: { firstName: string; lastName?: string | null }) => [person.firstName, person.lastName].filter(Boolean).join(' ');
