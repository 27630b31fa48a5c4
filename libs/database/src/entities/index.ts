export * from './enums';
export * from './base.entity';
export * from './organisation.entity';
export * from './venue.entity';
export * from './programme.entity';
export * from './user.entity';
export * from './session-series.entity';
export * from './session.entity';
export * from './closure-calendar.entity';
export * from './closure-day.entity';
export * from './participant.entity';
export * from './registration.entity';
export * from './registration-event.entity';
export * from './app-setting.entity';
export * from './notification.entity';
export * from './delivery-attempt.entity';
export * from './session-alert.entity';
export * from './festival-edition.entity';
export * from './festival-opening-block.entity';
export * from './stand-plot.entity';
export * from './stand-application.entity';
export * from './stand-booking.entity';
export * from './volunteer-profile.entity';
export * from './volunteer-absence.entity';
export * from './shift.entity';
export * from './shift-assignment.entity';
export * from './trajectory.entity';
export * from './trajectory-status-change.entity';
export * from './trajectory-follow-up.entity';
export * from './audit-log-entry.entity';
export * from './registration-code-request.entity';
export * from './shift-swap-request.entity';

import { ClosureCalendarEntity } from './closure-calendar.entity';
import { ClosureDayEntity } from './closure-day.entity';
import { OrganisationEntity } from './organisation.entity';
import { ProgrammeEntity } from './programme.entity';
import { SessionSeriesEntity } from './session-series.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { VenueEntity } from './venue.entity';
import { ParticipantEntity } from './participant.entity';
import { RegistrationEntity } from './registration.entity';
import { RegistrationEventEntity } from './registration-event.entity';
import { AppSettingEntity } from './app-setting.entity';
import { NotificationEntity } from './notification.entity';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { SessionAlertEntity } from './session-alert.entity';
import { FestivalEditionEntity } from './festival-edition.entity';
import { FestivalOpeningBlockEntity } from './festival-opening-block.entity';
import { StandPlotEntity } from './stand-plot.entity';
import { StandApplicationEntity } from './stand-application.entity';
import { StandBookingEntity } from './stand-booking.entity';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerAbsenceEntity } from './volunteer-absence.entity';
import { ShiftEntity } from './shift.entity';
import { ShiftAssignmentEntity } from './shift-assignment.entity';
import { TrajectoryEntity } from './trajectory.entity';
import { TrajectoryStatusChangeEntity } from './trajectory-status-change.entity';
import { TrajectoryFollowUpEntity } from './trajectory-follow-up.entity';
import { AuditLogEntryEntity } from './audit-log-entry.entity';
import { RegistrationCodeRequestEntity } from './registration-code-request.entity';
import { ShiftSwapRequestEntity } from './shift-swap-request.entity';

export const ENTITIES = [
  OrganisationEntity,
  VenueEntity,
  ProgrammeEntity,
  UserEntity,
  SessionSeriesEntity,
  SessionEntity,
  ClosureCalendarEntity,
  ClosureDayEntity,
  ParticipantEntity,
  RegistrationEntity,
  RegistrationEventEntity,
  AppSettingEntity,
  NotificationEntity,
  DeliveryAttemptEntity,
  SessionAlertEntity,
  FestivalEditionEntity,
  FestivalOpeningBlockEntity,
  StandPlotEntity,
  StandApplicationEntity,
  StandBookingEntity,
  VolunteerProfileEntity,
  VolunteerAbsenceEntity,
  ShiftEntity,
  ShiftAssignmentEntity,
  TrajectoryEntity,
  TrajectoryStatusChangeEntity,
  TrajectoryFollowUpEntity,
  AuditLogEntryEntity,
  RegistrationCodeRequestEntity,
  ShiftSwapRequestEntity,
];
