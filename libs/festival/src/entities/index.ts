export * from './enums';
export * from './festival-edition.entity';
export * from './festival-opening-block.entity';
export * from './stand-plot.entity';
export * from './stand-application.entity';
export * from './stand-booking.entity';

import { FestivalEditionEntity } from './festival-edition.entity';
import { FestivalOpeningBlockEntity } from './festival-opening-block.entity';
import { StandApplicationEntity } from './stand-application.entity';
import { StandBookingEntity } from './stand-booking.entity';
import { StandPlotEntity } from './stand-plot.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const FESTIVAL_ENTITIES = [FestivalEditionEntity, FestivalOpeningBlockEntity, StandPlotEntity, StandApplicationEntity, StandBookingEntity];
