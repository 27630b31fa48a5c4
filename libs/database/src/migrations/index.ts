// Every migration, in order. `npm run migration:generate -- <Name>` appends new ones here.
import type { MigrationInterface } from 'typeorm';
import { Initial1795430355210 } from './1795430355210-Initial';
import { Registrations1795432790114 } from './1795432790114-Registrations';
import { ParticipantDuplicateLookup1795436000000 } from './1795436000000-ParticipantDuplicateLookup';
import { Notifications1795437000000 } from './1795437000000-Notifications';
import { SessionAlerts1795438000000 } from './1795438000000-SessionAlerts';
import { FestivalStands1795443199101 } from './1795443199101-FestivalStands';
import { VolunteersAndTrajectories1795444174070 } from './1795444174070-VolunteersAndTrajectories';
import { Privacy1795452254589 } from './1795452254589-Privacy';
import { RegistrationCodeRequests1795457313317 } from './1795457313317-RegistrationCodeRequests';
import { ShiftSwapRequests1796587406856 } from './1796587406856-ShiftSwapRequests';
import { OrganisationPhone1796598510359 } from './1796598510359-OrganisationPhone';
import { CalendarRevisions1796599042173 } from './1796599042173-CalendarRevisions';
import { PlacesActive1796700000000 } from './1796700000000-PlacesActive';
import { AccountLinks1796900000000 } from './1796900000000-AccountLinks';
import { OrganisationScreening1797000000000 } from './1797000000000-OrganisationScreening';
import { TrajectoryOutcomeAndPlannedFollowUps1797104000000 } from './1797104000000-TrajectoryOutcomeAndPlannedFollowUps';
import { ConsentRecords1797213047311 } from './1797213047311-ConsentRecords';
import { Broadcasts1797300000000 } from './1797300000000-Broadcasts';
import { SelfService1797400000000 } from './1797400000000-SelfService';
import { HolderActions1797410000000 } from './1797410000000-HolderActions';
import { SeatOffers1797420000000 } from './1797420000000-SeatOffers';
import { SmsReplies1797430000000 } from './1797430000000-SmsReplies';
import { MailOptOut1797440000000 } from './1797440000000-MailOptOut';
import { WalkIns1797450000000 } from './1797450000000-WalkIns';
import { Children1797460000000 } from './1797460000000-Children';
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795430355210,
  Registrations1795432790114,
  ParticipantDuplicateLookup1795436000000,
  Notifications1795437000000,
  SessionAlerts1795438000000,
  FestivalStands1795443199101,
  VolunteersAndTrajectories1795444174070,
  Privacy1795452254589,
  RegistrationCodeRequests1795457313317,
  ShiftSwapRequests1796587406856,
  OrganisationPhone1796598510359,
  CalendarRevisions1796599042173,
  PlacesActive1796700000000,
  AccountLinks1796900000000,
  OrganisationScreening1797000000000,
  TrajectoryOutcomeAndPlannedFollowUps1797104000000,
  ConsentRecords1797213047311,
  Broadcasts1797300000000,
  SelfService1797400000000,
  HolderActions1797410000000,
  SeatOffers1797420000000,
  SmsReplies1797430000000,
  MailOptOut1797440000000,
  WalkIns1797450000000,
  Children1797460000000,
];
