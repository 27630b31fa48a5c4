export * from './enums';
export * from './volunteer-profile.entity';
export * from './volunteer-absence.entity';
export * from './shift.entity';
export * from './shift-assignment.entity';
export * from './shift-swap-request.entity';
export * from './trajectory.entity';
export * from './trajectory-status-change.entity';
export * from './trajectory-follow-up.entity';

import { ShiftAssignmentEntity } from './shift-assignment.entity';
import { ShiftSwapRequestEntity } from './shift-swap-request.entity';
import { ShiftEntity } from './shift.entity';
import { TrajectoryFollowUpEntity } from './trajectory-follow-up.entity';
import { TrajectoryStatusChangeEntity } from './trajectory-status-change.entity';
import { TrajectoryEntity } from './trajectory.entity';
import { VolunteerAbsenceEntity } from './volunteer-absence.entity';
import { VolunteerProfileEntity } from './volunteer-profile.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const VOLUNTEERS_ENTITIES = [
  VolunteerProfileEntity,
  VolunteerAbsenceEntity,
  ShiftEntity,
  ShiftAssignmentEntity,
  ShiftSwapRequestEntity,
  TrajectoryEntity,
  TrajectoryStatusChangeEntity,
  TrajectoryFollowUpEntity,
];
