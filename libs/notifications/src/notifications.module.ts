import { Module } from '@nestjs/common';
import { FestivalModule } from '@app/festival';
import { VolunteersModule } from '@app/volunteers';
import { FestivalOutbox } from './festival/festival-outbox';
import { ShiftOutbox } from './shifts/shift-outbox';
import { FestivalAndShiftComposer } from './transitional-composer';

/** Transitional: the festival's and shifts' outbox handlers and composer, until they live in their domains. */
@Module({ imports: [FestivalModule, VolunteersModule], providers: [FestivalOutbox, ShiftOutbox, FestivalAndShiftComposer] })
export class FestivalShiftMessagesModule {}
