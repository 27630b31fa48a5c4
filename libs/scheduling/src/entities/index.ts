export * from './enums';
export * from './venue.entity';
export * from './programme.entity';
export * from './session-series.entity';
export * from './session.entity';
export * from './closure-calendar.entity';
export * from './closure-day.entity';

import { ClosureCalendarEntity } from './closure-calendar.entity';
import { ClosureDayEntity } from './closure-day.entity';
import { ProgrammeEntity } from './programme.entity';
import { SessionSeriesEntity } from './session-series.entity';
import { SessionEntity } from './session.entity';
import { VenueEntity } from './venue.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const SCHEDULING_ENTITIES = [VenueEntity, ProgrammeEntity, SessionSeriesEntity, SessionEntity, ClosureCalendarEntity, ClosureDayEntity];
