import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { ReportsService, ShiftsService, TrajectoriesService, VolunteersService } from '@app/volunteers';
import { UserModel } from '../auth/auth.models';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import { TrajectoryOutcome, TrajectoryStatus } from '../graphql/enums';
import { DateScalar } from '../graphql/scalars';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { ParticipantModel } from '../registrations/registrations.models';
import { OrganisationModel, SessionModel } from '../scheduling/scheduling.models';
import {
  AbsenceInput,
  BuddySuggestionModel,
  CreateSeriesShiftsInput,
  CreateShiftInput,
  CreateTrajectoryInput,
  FollowUpInput,
  ProgrammeMonthModel,
  ShiftAssignmentModel,
  ShiftFilterInput,
  ShiftModel,
  TrajectoryFilterInput,
  TrajectoryFollowUpModel,
  TrajectoryModel,
  TrajectoryReportModel,
  TrajectoryStatusChangeModel,
  UpdateTrajectoryInput,
  VolunteerAbsenceModel,
  VolunteerProfileInput,
  VolunteerProfileModel,
  VolunteerSuggestionModel,
} from './volunteers.models';

/** The path of a volunteer's iCalendar feed on the API's origin. */
export const calendarFeedPath = (token: string) => `/calendar/${token}.ics`;

@Resolver(() => VolunteerProfileModel)
export class VolunteersResolver {
  constructor(
    private readonly volunteersService: VolunteersService,
    private readonly shiftsService: ShiftsService,
  ) {}

  @Query(() => [VolunteerProfileModel], { description: "Active volunteers' profiles (those who have one). Coordinators" })
  volunteerProfiles(@CurrentActor() actor: Actor | null): Promise<VolunteerProfileModel[]> {
    return this.volunteersService.listProfiles(actor) as unknown as Promise<VolunteerProfileModel[]>;
  }

  @Query(() => [UserModel], { description: 'Active volunteers. Coordinators' })
  volunteers(@CurrentActor() actor: Actor | null): Promise<UserModel[]> {
    return this.volunteersService.listVolunteers(actor);
  }

  @Query(() => Int, { description: 'Active volunteers whose screening (certificate of good conduct) is not received yet. Coordinators' })
  unscreenedVolunteerCount(@CurrentActor() actor: Actor | null): Promise<number> {
    return this.volunteersService.countUnscreenedVolunteers(actor);
  }

  @Query(() => VolunteerProfileModel, { nullable: true, description: "A volunteer's profile (default: your own). The volunteer and coordinators" })
  volunteerProfile(
    @CurrentActor() actor: Actor | null,
    @Args('volunteerId', { type: () => ID, nullable: true }) volunteerId?: string | null,
  ): Promise<VolunteerProfileModel | null> {
    return this.volunteersService.findProfile(actor, volunteerId ?? actor?.userId ?? '') as unknown as Promise<VolunteerProfileModel | null>;
  }

  @Mutation(() => VolunteerProfileModel, { description: 'Screening and trainings: coordinators only' })
  saveVolunteerProfile(
    @CurrentActor() actor: Actor | null,
    @Args('volunteerId', { type: () => ID }) volunteerId: string,
    @Args('input') input: VolunteerProfileInput,
  ): Promise<VolunteerProfileModel> {
    return this.volunteersService.saveProfile(actor, volunteerId, input) as unknown as Promise<VolunteerProfileModel>;
  }

  @Mutation(() => VolunteerAbsenceModel, { description: 'A period away: no suggestions and no shifts then' })
  addVolunteerAbsence(
    @CurrentActor() actor: Actor | null,
    @Args('volunteerId', { type: () => ID }) volunteerId: string,
    @Args('input') input: AbsenceInput,
  ): Promise<VolunteerAbsenceModel> {
    return this.volunteersService.addAbsence(actor, volunteerId, input);
  }

  @Mutation(() => Boolean)
  removeVolunteerAbsence(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.volunteersService.removeAbsence(actor, id);
  }

  @Mutation(() => String, {
    description: 'A new secret iCalendar feed path (on the API origin) with your shifts, for calendar apps; the previous one stops working. Shown once',
  })
  async issueCalendarFeed(@CurrentActor() actor: Actor | null, @Args('volunteerId', { type: () => ID }) volunteerId: string): Promise<string> {
    return calendarFeedPath(await this.volunteersService.issueCalendarToken(actor, volunteerId));
  }

  @Mutation(() => Boolean, { description: 'The feed URL answers 404 from now on' })
  revokeCalendarFeed(@CurrentActor() actor: Actor | null, @Args('volunteerId', { type: () => ID }) volunteerId: string): Promise<boolean> {
    return this.volunteersService.revokeCalendarToken(actor, volunteerId);
  }

  @ResolveField(() => Boolean, { description: 'Whether a personal calendar feed URL is active' })
  hasCalendarFeed(@Parent() profile: VolunteerProfileModel & { calendarTokenHash?: string | null }): boolean {
    return !!profile.calendarTokenHash;
  }

  @ResolveField(() => Int, { description: 'Shifts not turned up for, in total' })
  async noShowCount(@Parent() profile: VolunteerProfileModel): Promise<number> {
    return (await this.shiftsService.noShowStats(profile.userId)).noShowCount;
  }

  @ResolveField(() => Int, { description: 'No-shows since the last shift attended' })
  async consecutiveNoShows(@Parent() profile: VolunteerProfileModel): Promise<number> {
    return (await this.shiftsService.noShowStats(profile.userId)).consecutiveNoShows;
  }

  @ResolveField(() => Boolean, {
    description: 'Reached the no-show threshold (noShowFlagThreshold, as for participants) in a row: call them before the next shift',
  })
  async flaggedForNoShows(@Parent() profile: VolunteerProfileModel, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    const [stats, threshold] = await Promise.all([this.shiftsService.noShowStats(profile.userId), loaders.noShowFlagThreshold()]);
    return stats.consecutiveNoShows >= threshold;
  }

  @ResolveField(() => UserModel)
  async volunteer(@Parent() profile: VolunteerProfileModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return (await loaders.user.load(profile.userId))!;
  }

  @ResolveField(() => [VolunteerAbsenceModel])
  absences(@Parent() profile: VolunteerProfileModel, @Loaders() loaders: RequestLoaders): Promise<VolunteerAbsenceModel[]> {
    return loaders.absencesOfVolunteer.load(profile.userId);
  }
}

@Resolver(() => ShiftModel)
export class ShiftsResolver {
  constructor(private readonly shiftsService: ShiftsService) {}

  @Query(() => [ShiftModel], { description: 'Shifts ahead (at most 500); any logged-in user sees the needs' })
  shifts(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => ShiftFilterInput, nullable: true }) filter?: ShiftFilterInput | null,
  ): Promise<ShiftModel[]> {
    return this.shiftsService.listShifts(actor, filter ?? {});
  }

  @Query(() => [ShiftModel], { description: 'For a volunteer: shifts with a free place that fit your skills, languages and usual availability' })
  openShifts(@CurrentActor() actor: Actor | null): Promise<ShiftModel[]> {
    return this.shiftsService.openShiftsFor(actor);
  }

  @Query(() => [ShiftAssignmentModel])
  myShifts(
    @CurrentActor() actor: Actor | null,
    @Args('includePast', { type: () => Boolean, nullable: true }) includePast?: boolean | null,
  ): Promise<ShiftAssignmentModel[]> {
    return this.shiftsService.myShifts(actor, includePast ?? false);
  }

  @Query(() => [ShiftAssignmentModel], {
    description: "A volunteer's shifts, past (attended or no-show) and ahead, latest first. The volunteer and coordinators",
  })
  volunteerShiftHistory(@CurrentActor() actor: Actor | null, @Args('volunteerId', { type: () => ID }) volunteerId: string): Promise<ShiftAssignmentModel[]> {
    return this.shiftsService.shiftHistory(actor, volunteerId);
  }

  @Query(() => [VolunteerSuggestionModel], { description: 'Who could take a shift, best first. Coordinators' })
  suggestVolunteers(
    @CurrentActor() actor: Actor | null,
    @Args('shiftId', { type: () => ID }) shiftId: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ): Promise<VolunteerSuggestionModel[]> {
    return this.shiftsService.suggestVolunteers(actor, shiftId, limit ?? 10);
  }

  @Mutation(() => ShiftModel, { description: "Coordinators, or a session's host for its shifts" })
  createShift(@CurrentActor() actor: Actor | null, @Args('input') input: CreateShiftInput): Promise<ShiftModel> {
    return this.shiftsService.createShift(actor, input);
  }

  @Mutation(() => [ShiftModel], { description: 'One shift for every upcoming session of a series' })
  createSeriesShifts(@CurrentActor() actor: Actor | null, @Args('input') input: CreateSeriesShiftsInput): Promise<ShiftModel[]> {
    return this.shiftsService.createShiftsForSeries(actor, input);
  }

  @Mutation(() => ShiftModel)
  cancelShift(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<ShiftModel> {
    return this.shiftsService.cancelShift(actor, id);
  }

  @Mutation(() => ShiftAssignmentModel, { description: 'Full -> SHIFT_FULL; an overlapping shift or a period away -> VOLUNTEER_UNAVAILABLE' })
  signUpForShift(@CurrentActor() actor: Actor | null, @Args('shiftId', { type: () => ID }) shiftId: string): Promise<ShiftAssignmentModel> {
    return this.shiftsService.signUp(actor, shiftId);
  }

  @Mutation(() => ShiftAssignmentModel)
  assignVolunteer(
    @CurrentActor() actor: Actor | null,
    @Args('shiftId', { type: () => ID }) shiftId: string,
    @Args('volunteerId', { type: () => ID }) volunteerId: string,
  ): Promise<ShiftAssignmentModel> {
    return this.shiftsService.assignVolunteer(actor, shiftId, volunteerId);
  }

  @Mutation(() => ShiftAssignmentModel, { description: 'The place is open again; coordinators see the gap (shifts(filter: {onlyUnderstaffed: true}))' })
  dropShift(@CurrentActor() actor: Actor | null, @Args('assignmentId', { type: () => ID }) assignmentId: string): Promise<ShiftAssignmentModel> {
    return this.shiftsService.dropShift(actor, assignmentId);
  }

  @Mutation(() => ShiftAssignmentModel, { description: "After the shift has begun: its session's host or a coordinator records ATTENDED or NO_SHOW" })
  markShiftAttendance(
    @CurrentActor() actor: Actor | null,
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @Args('attended', { type: () => Boolean }) attended: boolean,
  ): Promise<ShiftAssignmentModel> {
    return this.shiftsService.markShiftAttendance(actor, assignmentId, attended);
  }

  @ResolveField(() => SessionModel, { nullable: true })
  session(@Parent() shift: ShiftModel, @Loaders() loaders: RequestLoaders): Promise<SessionModel | null> | null {
    return shift.sessionId ? loaders.session.load(shift.sessionId) : null;
  }

  @ResolveField(() => Int, { description: 'Places taken' })
  async filled(@Parent() shift: ShiftModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await loaders.assignmentsOfShift.load(shift.id)).length;
  }

  @ResolveField(() => Int, { description: 'Places still open (the gap)' })
  async openPlaces(@Parent() shift: ShiftModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return Math.max(0, shift.needed - (await loaders.assignmentsOfShift.load(shift.id)).length);
  }

  @ResolveField(() => [ShiftAssignmentModel], { description: "Who takes it: coordinators and the session's hosts see everyone, a volunteer only themself" })
  async assignments(@CurrentActor() actor: Actor | null, @Parent() shift: ShiftModel, @Loaders() loaders: RequestLoaders): Promise<ShiftAssignmentModel[]> {
    const all = await loaders.assignmentsOfShift.load(shift.id);
    if (await loaders.shiftStaffable.load(shift.id)) return all;
    return all.filter((assignment) => assignment.volunteerId === actor?.userId);
  }
}

@Resolver(() => ShiftAssignmentModel)
export class ShiftAssignmentsResolver {
  @ResolveField(() => ShiftModel)
  async shift(@Parent() assignment: ShiftAssignmentModel, @Loaders() loaders: RequestLoaders): Promise<ShiftModel> {
    return (await loaders.shift.load(assignment.shiftId))!;
  }

  @ResolveField(() => UserModel)
  async volunteer(@Parent() assignment: ShiftAssignmentModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return (await loaders.user.load(assignment.volunteerId))!;
  }
}

@Resolver(() => TrajectoryModel)
export class TrajectoriesResolver {
  constructor(
    private readonly trajectoriesService: TrajectoriesService,
    private readonly reports: ReportsService,
  ) {}

  @Query(() => [TrajectoryModel], { description: 'Coordinators: all; a volunteer: those they are the buddy of' })
  trajectories(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => TrajectoryFilterInput, nullable: true }) filter?: TrajectoryFilterInput | null,
  ): Promise<TrajectoryModel[]> {
    return this.trajectoriesService.listTrajectories(actor, filter ?? {});
  }

  @Query(() => TrajectoryModel, { nullable: true })
  trajectory(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<TrajectoryModel | null> {
    return this.trajectoriesService.findTrajectory(actor, id);
  }

  @Query(() => [BuddySuggestionModel], {
    description: 'Buddies for a newcomer: shared language, neighbourhood, buddy skill, fewest current buddies. Coordinators',
  })
  suggestBuddies(
    @CurrentActor() actor: Actor | null,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('neighbourhood', { type: () => String, nullable: true }) neighbourhood?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ): Promise<BuddySuggestionModel[]> {
    return this.trajectoriesService.suggestBuddies(actor, participantId, neighbourhood, limit ?? 10);
  }

  @Query(() => TrajectoryReportModel, {
    description: 'Trajectories started between from and to (inclusive), by kind, referral channel and status. Coordinators',
  })
  trajectoryReport(
    @CurrentActor() actor: Actor | null,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ): Promise<TrajectoryReportModel> {
    return this.reports.trajectoryReport(actor, from, to);
  }

  @Query(() => String, { description: 'The trajectory report as CSV' })
  trajectoryReportCsv(
    @CurrentActor() actor: Actor | null,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ): Promise<string> {
    return this.reports.trajectoryReportCsv(actor, from, to);
  }

  @Query(() => [ProgrammeMonthModel], {
    description: 'Per programme and month: sessions held, seats offered, confirmed, attended, no-shows, waitlisted. Coordinators',
  })
  programmeReport(
    @CurrentActor() actor: Actor | null,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('programmeId', { type: () => ID, nullable: true }) programmeId?: string | null,
  ): Promise<ProgrammeMonthModel[]> {
    return this.reports.programmeReport(actor, from, to, programmeId);
  }

  @Query(() => String, { description: 'The programme report as CSV' })
  programmeReportCsv(
    @CurrentActor() actor: Actor | null,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('programmeId', { type: () => ID, nullable: true }) programmeId?: string | null,
  ): Promise<string> {
    return this.reports.programmeReportCsv(actor, from, to, programmeId);
  }

  @Mutation(() => TrajectoryModel, { description: 'INTAKE, or MATCHED when a buddy or host organisation is given' })
  createTrajectory(@CurrentActor() actor: Actor | null, @Args('input') input: CreateTrajectoryInput): Promise<TrajectoryModel> {
    return this.trajectoriesService.createTrajectory(actor, input);
  }

  @Mutation(() => TrajectoryModel)
  updateTrajectory(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTrajectoryInput,
  ): Promise<TrajectoryModel> {
    return this.trajectoriesService.updateTrajectory(actor, id, input);
  }

  @Mutation(() => TrajectoryModel, { description: 'INTAKE → MATCHED → ACTIVE → FOLLOW_UP → CLOSED (history kept)' })
  changeTrajectoryStatus(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => TrajectoryStatus }) status: TrajectoryStatus,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
    @Args('outcome', { type: () => TrajectoryOutcome, nullable: true, description: 'Required when closing, refused otherwise' })
    outcome?: TrajectoryOutcome | null,
  ): Promise<TrajectoryModel> {
    return this.trajectoriesService.changeStatus(actor, id, status, note, outcome);
  }

  @Mutation(() => TrajectoryFollowUpModel)
  addTrajectoryFollowUp(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: FollowUpInput,
  ): Promise<TrajectoryFollowUpModel> {
    return this.trajectoriesService.addFollowUp(actor, id, input);
  }

  /** Reached only through a trajectory the viewer may see. */
  @ResolveField(() => ParticipantModel)
  async participant(@Parent() trajectory: TrajectoryModel, @Loaders() loaders: RequestLoaders): Promise<ParticipantModel> {
    return (await loaders.participant.load(trajectory.participantId))!;
  }

  @ResolveField(() => UserModel, { nullable: true })
  buddy(@Parent() trajectory: TrajectoryModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> | null {
    return trajectory.buddyId ? loaders.user.load(trajectory.buddyId) : null;
  }

  @ResolveField(() => OrganisationModel, { nullable: true })
  hostOrganisation(@Parent() trajectory: TrajectoryModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel | null> | null {
    return trajectory.hostOrganisationId ? loaders.organisation.load(trajectory.hostOrganisationId) : null;
  }

  @ResolveField(() => [TrajectoryStatusChangeModel])
  history(@Parent() trajectory: TrajectoryModel, @Loaders() loaders: RequestLoaders): Promise<TrajectoryStatusChangeModel[]> {
    return loaders.trajectoryHistory.load(trajectory.id);
  }

  @ResolveField(() => [TrajectoryFollowUpModel])
  followUps(@Parent() trajectory: TrajectoryModel, @Loaders() loaders: RequestLoaders): Promise<TrajectoryFollowUpModel[]> {
    return loaders.trajectoryFollowUps.load(trajectory.id);
  }
}
