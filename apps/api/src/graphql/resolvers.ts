import { UsersResolver } from '../auth/users.resolver';
import { BroadcastsResolver } from '../broadcasts/broadcasts.resolver';
import { FestivalEditionsResolver, StandApplicationsResolver, StandBookingsResolver } from '../festival/festival.resolver';
import { NotificationsResolver } from '../notifications/notifications.resolver';
import { UnsubscribeResolver } from '../notifications/unsubscribe.resolver';
import {
  AuditLogEntryResolver,
  ConsentRecordResolver,
  ParticipantConsentResolver,
  PersonalDataErasureResolver,
  PrivacyResolver,
} from '../privacy/privacy.resolver';
import { RegistrationChildrenResolver, SessionChildcareResolver } from '../registrations/childcare.resolver';
import { ParticipantsResolver } from '../registrations/participants.resolver';
import { RegistrationsResolver, SessionSeatsResolver } from '../registrations/registrations.resolver';
import { SelfRegistrationResolver } from '../registrations/self-registration.resolver';
import { SelfServiceResolver } from '../registrations/self-service.resolver';
import { SmsRepliesResolver } from '../registrations/sms-replies.resolver';
import { ClosuresResolver } from '../scheduling/closures.resolver';
import { OrganisationScreeningFieldsResolver, OrganisationScreeningResolver } from '../scheduling/organisation-screening.resolver';
import { OrganisationsResolver } from '../scheduling/organisations.resolver';
import { ProgrammesResolver } from '../scheduling/programmes.resolver';
import { SessionSeriesResolver } from '../scheduling/session-series.resolver';
import { SessionsResolver } from '../scheduling/sessions.resolver';
import { VenuesResolver } from '../scheduling/venues.resolver';
import { HostSuggestionsResolver } from '../volunteers/host-suggestions.resolver';
import { ShiftSwapsResolver } from '../volunteers/shift-swaps.resolver';
import { TrajectoryFollowUpsResolver, TrajectoryStatusChangesResolver } from '../volunteers/trajectory-follow-ups.resolver';
import { ShiftAssignmentsResolver, ShiftsResolver, TrajectoriesResolver, VolunteersResolver } from '../volunteers/volunteers.resolver';
import './enums';

/** Every resolver of the API: the app module provides them and `schema:emit` builds the schema from them. */
export const API_RESOLVERS = [
  UsersResolver,
  OrganisationsResolver,
  VenuesResolver,
  ProgrammesResolver,
  SessionsResolver,
  SessionSeriesResolver,
  ClosuresResolver,
  RegistrationsResolver,
  SessionSeatsResolver,
  ParticipantsResolver,
  SelfRegistrationResolver,
  SelfServiceResolver,
  NotificationsResolver,
  UnsubscribeResolver,
  BroadcastsResolver,
  SmsRepliesResolver,
  FestivalEditionsResolver,
  StandBookingsResolver,
  StandApplicationsResolver,
  VolunteersResolver,
  ShiftsResolver,
  ShiftAssignmentsResolver,
  ShiftSwapsResolver,
  TrajectoriesResolver,
  TrajectoryFollowUpsResolver,
  TrajectoryStatusChangesResolver,
  OrganisationScreeningResolver,
  OrganisationScreeningFieldsResolver,
  HostSuggestionsResolver,
  PrivacyResolver,
  AuditLogEntryResolver,
  PersonalDataErasureResolver,
  ParticipantConsentResolver,
  ConsentRecordResolver,
  RegistrationChildrenResolver,
  SessionChildcareResolver,
];
