import { registerEnumType } from '@nestjs/graphql';
import { NotificationChannel, Role } from '@app/common';
import { StandCellState, StandBookingStatus, StandOffering } from '@app/festival';
import { DeliveryOutcome, NotificationStatus } from '@app/messaging';
import { OrganisationKind, OrganisationScreeningStatus } from '@app/organisations';
import { ChildcareStatus, ContactChannel, ReferralChannel, RegistrationStatus } from '@app/registrations';
import { ClosureKind, ProgrammeKind, SessionStatus } from '@app/scheduling';
import {
  VolunteerSkill,
  Daypart,
  ScreeningStatus,
  ShiftAssignmentStatus,
  TrajectoryKind,
  TrajectoryStatus,
  FollowUpOutcome,
  TrajectoryOutcome,
} from '@app/volunteers';

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(OrganisationScreeningStatus, {
  name: 'OrganisationScreeningStatus',
  description: "The integration service's check of a host organisation (Picnik)",
});
registerEnumType(ProgrammeKind, { name: 'ProgrammeKind' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(ClosureKind, { name: 'ClosureKind', description: 'Where a closure day comes from' });

registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'How a participant can be reached' });
registerEnumType(ReferralChannel, { name: 'ReferralChannel', description: 'How a participant found the programme' });
registerEnumType(ChildcareStatus, {
  name: 'ChildcareStatus',
  description: "A family's childcare place: all its children together, or on the childcare waiting list",
});

registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'PENDING until sent; FAILED after the last attempt; CANCELLED when no longer true',
});
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });
registerEnumType(DeliveryOutcome, {
  name: 'DeliveryOutcome',
  description: 'STARTED is recorded before the message leaves: one still STARTED may have been delivered',
});

registerEnumType(StandBookingStatus, { name: 'StandBookingStatus', description: 'REQUESTED and CONFIRMED hold the plot; CANCELLED frees it' });
registerEnumType(StandOffering, { name: 'StandOffering', description: 'What a stand brings' });
registerEnumType(StandCellState, { name: 'StandCellState', description: 'CLOSED: the plot is not in use this edition' });

export { StandBookingStatus, StandCellState, StandOffering };

registerEnumType(VolunteerSkill, { name: 'VolunteerSkill', description: 'What a volunteer can do, and what a shift needs' });
registerEnumType(Daypart, { name: 'Daypart', description: 'Morning (before 12:00), afternoon (before 17:00), evening' });
registerEnumType(ScreeningStatus, { name: 'ScreeningStatus', description: 'Certificate of good conduct' });
registerEnumType(ShiftAssignmentStatus, { name: 'ShiftAssignmentStatus', description: 'DROPPED frees the place' });
registerEnumType(TrajectoryKind, { name: 'TrajectoryKind' });
registerEnumType(TrajectoryStatus, { name: 'TrajectoryStatus' });
registerEnumType(FollowUpOutcome, { name: 'FollowUpOutcome', description: 'What became of the newcomer after the trajectory' });
registerEnumType(TrajectoryOutcome, { name: 'TrajectoryOutcome', description: 'Where the newcomer goes on after a closed trajectory' });

export { Daypart, FollowUpOutcome, ScreeningStatus, ShiftAssignmentStatus, TrajectoryKind, TrajectoryOutcome, TrajectoryStatus, VolunteerSkill };
export { ChildcareStatus };
export {
  ClosureKind,
  ContactChannel,
  DeliveryOutcome,
  NotificationChannel,
  NotificationStatus,
  OrganisationKind,
  OrganisationScreeningStatus,
  ProgrammeKind,
  ReferralChannel,
  RegistrationStatus,
  Role,
  SessionStatus,
};
