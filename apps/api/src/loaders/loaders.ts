import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { UsersService, UserEntity } from '@app/auth';
import type { Actor } from '@app/common';
import {
  FestivalEditionsService,
  StandBookingsService,
  StandPlotsService,
  FestivalEditionEntity,
  FestivalOpeningBlockEntity,
  StandApplicationEntity,
  StandBookingEntity,
  StandPlotEntity,
} from '@app/festival';
import { NotificationAdminService, DeliveryAttemptEntity } from '@app/messaging';
import { OrganisationEntity, OrganisationScreeningService, OrganisationTrainingEntity } from '@app/organisations';
import {
  AttendanceSettingsService,
  NoShowStats,
  ParticipantsService,
  ParticipantView,
  RegistrationsService,
  SessionCounts,
  RegistrationEntity,
} from '@app/registrations';
import {
  OrganisationsService,
  ProgrammesService,
  SessionSeriesService,
  SessionsService,
  VenuesService,
  ProgrammeEntity,
  SessionEntity,
  VenueEntity,
} from '@app/scheduling';
import {
  ShiftsService,
  TrajectoriesService,
  VolunteersService,
  ShiftAssignmentEntity,
  ShiftEntity,
  TrajectoryFollowUpEntity,
  TrajectoryStatusChangeEntity,
  VolunteerAbsenceEntity,
  VolunteerProfileEntity,
} from '@app/volunteers';

export type Loaders = ReturnType<LoadersFactory['create']>;

function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function groupedBy<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const row of await fetch(keys)) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A batch lookup returning a map; keys it does not mention get the fallback. */
function keyed<T>(fetch: (keys: readonly string[]) => Promise<Map<string, T>>, fallback?: T): DataLoader<string, T> {
  return new DataLoader(async (keys) => {
    const found = await fetch(keys);
    return keys.map((key) => (found.has(key) ? found.get(key)! : (fallback as T)));
  });
}

/** A value read at most once per request. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => (value ??= read());
}

/**
 * One set of DataLoaders per request: every nested field batches into one query per level,
 * so a page of sessions costs the same number of SQL statements whatever its size.
 */
@Injectable()
export class LoadersFactory {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly venues: VenuesService,
    private readonly programmes: ProgrammesService,
    private readonly sessions: SessionsService,
    private readonly series: SessionSeriesService,
    private readonly users: UsersService,
    private readonly participants: ParticipantsService,
    private readonly registrations: RegistrationsService,
    private readonly attendanceSettings: AttendanceSettingsService,
    private readonly notifications: NotificationAdminService,
    private readonly editions: FestivalEditionsService,
    private readonly plots: StandPlotsService,
    private readonly standBookings: StandBookingsService,
    private readonly volunteers: VolunteersService,
    private readonly shifts: ShiftsService,
    private readonly trajectories: TrajectoriesService,
    private readonly screening: OrganisationScreeningService,
  ) {}

  create(actor: Actor | null) {
    const user = byId<UserEntity>((ids) => this.users.findByIds(ids));
    const hostIdsBySession = new DataLoader<string, string[]>(async (ids) => {
      const byId = await this.sessions.hostIdsBySessionIds(ids);
      return ids.map((id) => byId.get(id) ?? []);
    });
    // A page's hosts with their accounts in one statement (not the ids, then the users).
    const hostsBySession = new DataLoader<string, UserEntity[]>(async (ids) => {
      const byId = await this.sessions.hostsBySessionIds(ids);
      return ids.map((id) => byId.get(id) ?? []);
    });
    const hostIdsBySeries = new DataLoader<string, string[]>(async (ids) => {
      const byId = await this.series.hostIdsBySeriesIds(ids);
      return ids.map((id) => byId.get(id) ?? []);
    });
    const volunteerProfile = new DataLoader<string, VolunteerProfileEntity | null>(async (userIds) => {
      const found = new Map((await this.volunteers.profilesByUserIds(userIds)).map((profile) => [profile.userId, profile]));
      return userIds.map((id) => found.get(id) ?? null);
    });
    const usersOf = async (ids: string[]) => (await user.loadMany(ids)).filter((u): u is UserEntity => !!u && !(u instanceof Error));
    return {
      organisation: byId<OrganisationEntity>((ids) => this.organisations.findByIds(ids)),
      venue: byId<VenueEntity>((ids) => this.venues.findByIds(ids)),
      programme: byId<ProgrammeEntity>((ids) => this.programmes.findByIds(ids)),
      user,
      venuesByOrganisation: groupedBy<VenueEntity>(
        (ids) => this.venues.findByOrganisationIds(ids),
        (v) => v.organisationId,
      ),
      sessionsBySeries: groupedBy<SessionEntity>(
        (ids) => this.sessions.findBySeriesIds(ids),
        (s) => s.seriesId!,
      ),
      hostsOfSession: (sessionId: string) => hostsBySession.load(sessionId),
      hostsOfSeries: async (seriesId: string) => usersOf(await hostIdsBySeries.load(seriesId)),
      // What the hosts speak, from their volunteer profiles: one statement for a page of sessions.
      hostLanguagesOfSession: async (sessionId: string) => {
        const profiles = await volunteerProfile.loadMany(await hostIdsBySession.load(sessionId));
        return profiles.flatMap((profile) => (profile && !(profile instanceof Error) ? profile.languages : []));
      },
      session: byId<SessionEntity>((ids) => this.sessions.findByIds(ids)),
      sessionResponsibles: keyed((ids) => this.registrations.responsiblesBySessionIds(ids)),
      sessionCounts: keyed<SessionCounts>((ids) => this.registrations.countsBySessionIds(ids), { seated: 0, waitlisted: 0 }),
      registrationsOfSession: groupedBy<RegistrationEntity>(
        (ids) => this.registrations.registrationsBySessionIds(ids, false),
        (r) => r.sessionId,
      ),
      allRegistrationsOfSession: groupedBy<RegistrationEntity>(
        (ids) => this.registrations.registrationsBySessionIds(ids, true),
        (r) => r.sessionId,
      ),
      waitlistPosition: keyed<number | null>((ids) => this.registrations.waitlistPositions(ids), null),
      // One rule for every path to a participant: in full, or the first name only (ParticipantsService.viewsFor).
      participant: byId<ParticipantView>((ids) => this.participants.viewsFor(actor, ids)),
      participantVisible: new DataLoader<string, boolean>(async (ids) => {
        const visible = await this.participants.visibleIds(actor, ids);
        return ids.map((id) => visible.has(id));
      }),
      noShowStats: keyed<NoShowStats>((ids) => this.participants.noShowStats(actor, ids), { noShowCount: 0, consecutiveNoShows: 0 }),
      noShowFlagThreshold: once(() => this.attendanceSettings.noShowFlagThreshold()),
      deliveryAttempts: groupedBy<DeliveryAttemptEntity>(
        (ids) => this.notifications.attemptsByNotificationIds(ids),
        (a) => a.notificationId,
      ),
      festivalEdition: byId<FestivalEditionEntity>((ids) => this.editions.findByIds(ids)),
      openingBlocksOfEdition: groupedBy<FestivalOpeningBlockEntity>(
        (ids) => this.editions.blocksByEditionIds(ids),
        (b) => b.editionId,
      ),
      standPlot: byId<StandPlotEntity>((ids) => this.plots.findByIds(ids)),
      plotsOfEdition: groupedBy<StandPlotEntity>(
        (ids) => this.plots.byEditionIds(ids),
        (p) => p.editionId,
      ),
      standApplication: byId<StandApplicationEntity>((ids) => this.standBookings.applicationsByIds(ids)),
      shift: byId<ShiftEntity>((ids) => this.shifts.findShiftsByIds(ids)),
      assignmentsOfShift: groupedBy<ShiftAssignmentEntity>(
        (ids) => this.shifts.assignmentsByShiftIds(ids),
        (a) => a.shiftId,
      ),
      shiftStaffable: new DataLoader<string, boolean>(async (ids) => {
        const staffable = await this.shifts.staffableShiftIds(actor, await this.shifts.findShiftsByIds(ids));
        return ids.map((id) => staffable.has(id));
      }),
      absencesOfVolunteer: groupedBy<VolunteerAbsenceEntity>(
        (ids) => this.volunteers.absencesByUserIds(ids),
        (a) => a.userId,
      ),
      trajectoryHistory: groupedBy<TrajectoryStatusChangeEntity>(
        (ids) => this.trajectories.historyByTrajectoryIds(ids),
        (c) => c.trajectoryId,
      ),
      trajectoryFollowUps: groupedBy<TrajectoryFollowUpEntity>(
        (ids) => this.trajectories.followUpsByTrajectoryIds(ids),
        (f) => f.trajectoryId,
      ),
      trainingsOfOrganisation: groupedBy<OrganisationTrainingEntity>(
        (ids) => this.screening.trainingsByOrganisationIds(ids),
        (t) => t.organisationId,
      ),
      bookingsOfApplication: groupedBy<StandBookingEntity>(
        (ids) => this.standBookings.bookingsByApplicationIds(ids),
        (b) => b.applicationId!,
      ),
    };
  }
}
