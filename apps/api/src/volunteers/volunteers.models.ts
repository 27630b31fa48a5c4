import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../auth/auth.models';
import {
  Daypart,
  FollowUpOutcome,
  ReferralChannel,
  ScreeningStatus,
  ShiftAssignmentStatus,
  TrajectoryKind,
  TrajectoryOutcome,
  TrajectoryStatus,
  VolunteerSkill,
} from '../graphql/enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { NewParticipantInput } from '../registrations/registrations.models';

@ObjectType('VolunteerProfile', { description: 'Personal: the volunteer themself and coordinators' })
export class VolunteerProfileModel {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => [String]) languages: string[];
  @Field(() => [VolunteerSkill]) skills: VolunteerSkill[];
  @Field(() => [Int], { description: 'ISO weekdays usually free: 1 = Monday … 7 = Sunday' }) availableWeekdays: number[];
  @Field(() => [Daypart]) availableDayparts: Daypart[];
  @Field(() => String, { nullable: true }) neighbourhood: string | null;
  @Field(() => ScreeningStatus) screeningStatus: ScreeningStatus;
  @Field(() => DateScalar, { nullable: true }) screeningDate: string | null;
  @Field(() => [String]) trainings: string[];
  userId: string;
}

@ObjectType('VolunteerAbsence')
export class VolunteerAbsenceModel {
  @Field(() => ID) id: string;
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar) endsOn: string;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@ObjectType('Shift')
export class ShiftModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => VolunteerSkill) role: VolunteerSkill;
  @Field(() => Int) needed: number;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => [String]) languages: string[];
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field() status: string;
  @Field(() => ID, { nullable: true }) seriesId: string | null;
  @Field(() => ID, { nullable: true }) editionId: string | null;
  @Field(() => ID, { nullable: true }) plotId: string | null;
  sessionId: string | null;
}

@ObjectType('ShiftAssignment')
export class ShiftAssignmentModel {
  @Field(() => ID) id: string;
  @Field(() => ShiftAssignmentStatus) status: ShiftAssignmentStatus;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  shiftId: string;
  volunteerId: string;
}

@ObjectType('VolunteerSuggestion')
export class VolunteerSuggestionModel {
  @Field(() => UserModel) volunteer: UserModel;
  @Field(() => Int) score: number;
  @Field(() => [String]) sharedLanguages: string[];
  @Field() hasSkill: boolean;
  @Field() usuallyAvailable: boolean;
  @Field(() => Int) upcomingShifts: number;
}

@ObjectType('BuddySuggestion')
export class BuddySuggestionModel {
  @Field(() => UserModel) buddy: UserModel;
  @Field(() => Int) score: number;
  @Field(() => [String]) sharedLanguages: string[];
  @Field() sameNeighbourhood: boolean;
  @Field(() => Int) activeBuddyTrajectories: number;
  @Field(() => ScreeningStatus, { description: 'Only RECEIVED may be chosen (VOLUNTEER_NOT_SCREENED otherwise)' }) screeningStatus: ScreeningStatus;
}

@ObjectType('Trajectory', { description: 'A Picnik trajectory. Coordinators, and the buddy' })
export class TrajectoryModel {
  @Field(() => ID) id: string;
  @Field(() => TrajectoryKind) kind: TrajectoryKind;
  @Field(() => ReferralChannel) referralChannel: ReferralChannel;
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar, { nullable: true }) endsOn: string | null;
  @Field(() => TrajectoryStatus) status: TrajectoryStatus;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => TrajectoryOutcome, { nullable: true, description: 'Where the newcomer went on; set when closed' }) outcome: TrajectoryOutcome | null;
  participantId: string;
  buddyId: string | null;
  hostOrganisationId: string | null;
}

@ObjectType('TrajectoryStatusChange')
export class TrajectoryStatusChangeModel {
  @Field(() => TrajectoryStatus, { nullable: true }) fromStatus: TrajectoryStatus | null;
  @Field(() => TrajectoryStatus) toStatus: TrajectoryStatus;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => DateTimeScalar) createdAt: Date;
  changedById: string | null;
}

@ObjectType('TrajectoryFollowUp', { description: 'Planned (dueOn, plannedNote) and later done (recordedOn, outcomes, note), or recorded without a plan' })
export class TrajectoryFollowUpModel {
  @Field(() => ID) id: string;
  @Field(() => DateScalar, { nullable: true, description: 'Null while it is only planned' }) recordedOn: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it should be done; null when recorded without a plan' }) dueOn: string | null;
  @Field(() => String, { nullable: true, description: 'What to check, written when planned' }) plannedNote: string | null;
  @Field(() => [FollowUpOutcome]) outcomes: FollowUpOutcome[];
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('CountByKind')
export class CountByKindModel {
  @Field(() => TrajectoryKind) key: TrajectoryKind;
  @Field(() => Int) count: number;
}

@ObjectType('CountByReferralChannel')
export class CountByReferralChannelModel {
  @Field(() => ReferralChannel) key: ReferralChannel;
  @Field(() => Int) count: number;
}

@ObjectType('CountByTrajectoryStatus')
export class CountByTrajectoryStatusModel {
  @Field(() => TrajectoryStatus) key: TrajectoryStatus;
  @Field(() => Int) count: number;
}

@ObjectType('CountByTrajectoryOutcome')
export class CountByTrajectoryOutcomeModel {
  @Field(() => TrajectoryOutcome) key: TrajectoryOutcome;
  @Field(() => Int) count: number;
}

@ObjectType('TrajectoryReport', { description: 'Trajectories that started in the period' })
export class TrajectoryReportModel {
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => Int) total: number;
  @Field(() => [CountByKindModel]) byKind: CountByKindModel[];
  @Field(() => [CountByReferralChannelModel]) byReferralChannel: CountByReferralChannelModel[];
  @Field(() => [CountByTrajectoryStatusModel]) byStatus: CountByTrajectoryStatusModel[];
  @Field(() => [CountByTrajectoryOutcomeModel], { description: 'The closed ones by outcome (closed without one count as UNKNOWN)' })
  byOutcome: CountByTrajectoryOutcomeModel[];
}

@ObjectType('ProgrammeMonth', { description: 'One programme in one month (Brussels)' })
export class ProgrammeMonthModel {
  @Field(() => ID) programmeId: string;
  @Field() programmeName: string;
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int) sessionsHeld: number;
  @Field(() => Int) seatsOffered: number;
  @Field(() => Int) confirmed: number;
  @Field(() => Int, { description: 'Walk-ins included' }) attended: number;
  @Field(() => Int, { description: 'Of the attended, those added at the door (registerWalkIn), anonymous ones included' }) walkIns: number;
  @Field(() => Int) noShows: number;
  @Field(() => Int, { description: 'People who were on a waiting list' }) waitlisted: number;
  @Field(() => Int, { description: 'Children who came along with the seated adults (confirmed counts adults only)' }) childrenConfirmed: number;
  @Field(() => Int, { description: 'Children who came along with the adults who attended' }) childrenAttended: number;
}

@InputType('VolunteerProfileInput')
export class VolunteerProfileInput {
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => [VolunteerSkill], { nullable: true }) skills?: VolunteerSkill[] | null;
  @Field(() => [Int], { nullable: true }) availableWeekdays?: number[] | null;
  @Field(() => [Daypart], { nullable: true }) availableDayparts?: Daypart[] | null;
  @Field(() => String, { nullable: true }) neighbourhood?: string | null;
  @Field(() => ScreeningStatus, { nullable: true, description: 'Coordinators' }) screeningStatus?: ScreeningStatus | null;
  @Field(() => DateScalar, { nullable: true, description: 'Coordinators' }) screeningDate?: string | null;
  @Field(() => [String], { nullable: true, description: 'Coordinators' }) trainings?: string[] | null;
}

@InputType('AbsenceInput')
export class AbsenceInput {
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar) endsOn: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType('CreateShiftInput')
export class CreateShiftInput {
  @Field(() => String, { nullable: true, description: "Default: the session's title" }) title?: string | null;
  @Field(() => VolunteerSkill) role: VolunteerSkill;
  @Field(() => Int) needed: number;
  @Field(() => DateTimeScalar, { nullable: true, description: "Default: the session's times" }) startsAt?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) endsAt?: Date | null;
  @Field(() => ID, { nullable: true }) sessionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A festival edition (a festival day or plot shift)' }) editionId?: string | null;
  @Field(() => ID, { nullable: true }) plotId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Languages that help here' }) languages?: string[] | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType('CreateSeriesShiftsInput')
export class CreateSeriesShiftsInput {
  @Field(() => ID) seriesId: string;
  @Field(() => VolunteerSkill) role: VolunteerSkill;
  @Field(() => Int) needed: number;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType('ShiftFilter')
export class ShiftFilterInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: now' }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) to?: Date | null;
  @Field(() => ID, { nullable: true }) sessionId?: string | null;
  @Field(() => ID, { nullable: true }) editionId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only shifts with a gap' }) onlyUnderstaffed?: boolean | null;
}

@InputType('CreateTrajectoryInput')
export class CreateTrajectoryInput {
  @Field(() => ID, { nullable: true, description: 'An existing participant; or give participant' }) participantId?: string | null;
  @Field(() => NewParticipantInput, { nullable: true, description: 'A new participant, created with the case; or give participantId' })
  participant?: NewParticipantInput | null;
  @Field(() => TrajectoryKind) kind: TrajectoryKind;
  @Field(() => ReferralChannel) referralChannel: ReferralChannel;
  @Field(() => ID, { nullable: true }) buddyId?: string | null;
  @Field(() => ID, { nullable: true }) hostOrganisationId?: string | null;
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar, { nullable: true }) endsOn?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType('UpdateTrajectoryInput')
export class UpdateTrajectoryInput {
  @Field(() => ID, { nullable: true }) buddyId?: string | null;
  @Field(() => ID, { nullable: true }) hostOrganisationId?: string | null;
  @Field(() => DateScalar, { nullable: true }) endsOn?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType('FollowUpInput')
export class FollowUpInput {
  @Field(() => DateScalar) recordedOn: string;
  @Field(() => [FollowUpOutcome]) outcomes: FollowUpOutcome[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('TrajectoryFilter')
export class TrajectoryFilterInput {
  @Field(() => TrajectoryStatus, { nullable: true }) status?: TrajectoryStatus | null;
  @Field(() => TrajectoryKind, { nullable: true }) kind?: TrajectoryKind | null;
  @Field(() => ID, { nullable: true }) participantId?: string | null;
  @Field(() => DateScalar, { nullable: true }) startsFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) startsTo?: string | null;
  @Field(() => ReferralChannel, { nullable: true }) referralChannel?: ReferralChannel | null;
  @Field(() => ID, { nullable: true, description: 'Coordinators; a volunteer always sees only their own' }) buddyId?: string | null;
  @Field(() => ID, { nullable: true }) hostOrganisationId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those with a planned follow-up due today or earlier, not done yet' })
  followUpDue?: boolean | null;
}

@InputType('PlanFollowUpInput')
export class PlanFollowUpInput {
  @Field(() => DateScalar) dueOn: string;
  @Field(() => String, { nullable: true, description: 'What to check' }) note?: string | null;
}

@InputType('CompleteFollowUpInput')
export class CompleteFollowUpInput {
  @Field(() => DateScalar) recordedOn: string;
  @Field(() => [FollowUpOutcome]) outcomes: FollowUpOutcome[];
  @Field(() => String, { nullable: true }) note?: string | null;
}
