import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ClosureKind, OrganisationKind, ProgrammeKind, SessionStatus } from '../graphql/enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrganisationKind) kind: OrganisationKind;
  @Field(() => String, { nullable: true, description: 'General phone number (E.164); messages about sessions at its venues give it as the number to call' })
  phone: string | null;
  @Field({ description: 'False once deactivated: kept for history, left out of the public list, no new venues or sessions' }) active: boolean;
}

@ObjectType('Venue')
export class VenueModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() address: string;
  @Field(() => String, { nullable: true }) room: string | null;
  @Field(() => Int, { nullable: true, description: 'Most people the room holds; session capacities cannot exceed it' }) capacityLimit: number | null;
  @Field(() => String, { nullable: true }) accessibilityNotes: string | null;
  @Field({ description: 'False once deactivated: kept for history, no new sessions here' }) active: boolean;
  organisationId: string;
}

@ObjectType('Programme')
export class ProgrammeModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ProgrammeKind) kind: ProgrammeKind;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int) defaultCapacity: number;
  @Field(() => [Int], { description: 'Reminders before each session, in minutes, e.g. [1440, 120]' }) reminderOffsetsMinutes: number[];
  @Field(() => [String], { description: 'BCP 47 tags of the languages the programme is offered in' }) languages: string[];
  @Field() active: boolean;
  @Field(() => Int, {
    description: 'A seat freed less than this many minutes before the start is OFFERED to the first waiting person (0: always given at once)',
  })
  seatOfferWindowMinutes: number;
  @Field(() => Int, { description: 'How many minutes an offered seat is held for an answer (never past the start)' }) seatOfferHoldMinutes: number;
  @Field(() => Int, { nullable: true, description: 'Children its childcare takes per session, apart from the seats; null: no childcare' })
  childcareCapacity: number | null;
  @Field({ description: 'Each child is registered by name, age and school (the zomerschool)' }) listsChildren: boolean;
}

@ObjectType('Session')
export class SessionModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => Int) capacity: number;
  @Field(() => SessionStatus) status: SessionStatus;
  @Field(() => String, { nullable: true }) cancellationReason: string | null;
  @Field(() => ID, { nullable: true, description: 'The series this session belongs to, if any' }) seriesId: string | null;
  programmeId: string;
  venueId: string;
}

@ObjectType('SessionEdge')
export class SessionEdgeModel {
  @Field() cursor: string;
  @Field(() => SessionModel) node: SessionModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('SessionConnection')
export class SessionConnectionModel {
  @Field(() => [SessionEdgeModel]) edges: SessionEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

@ObjectType('SessionSeries')
export class SessionSeriesModel {
  @Field(() => ID) id: string;
  @Field() rrule: string;
  @Field() title: string;
  @Field(() => DateTimeScalar) firstStartsAt: Date;
  @Field(() => Int) durationMinutes: number;
  @Field(() => Int, { nullable: true, description: "Null: each session takes the programme's default capacity" }) capacity: number | null;
  @Field() skipSchoolHolidays: boolean;
  @Field({ description: 'True when the rule has no COUNT or UNTIL; sessions are then added ahead by a daily job' }) openEnded: boolean;
  @Field(() => DateTimeScalar, { description: 'Sessions exist for every occurrence before this instant' }) materialisedUntil: Date;
  programmeId: string;
  venueId: string;
}

@ObjectType('SessionSeriesChange')
export class SessionSeriesChangeModel {
  @Field(() => SessionSeriesModel) series: SessionSeriesModel;
  @Field(() => Int) createdSessions: number;
  @Field(() => Int) updatedSessions: number;
  @Field(() => Int) removedSessions: number;
}

@ObjectType('SessionSeriesSkipReason', { description: 'The closure day a series date falls on' })
export class SessionSeriesSkipReasonModel {
  @Field({ description: 'Its name, e.g. Herfstvakantie, Wapenstilstand or a school’s own free day' }) label: string;
  @Field(() => ClosureKind) kind: ClosureKind;
}

@ObjectType('SessionSeriesPreviewDate')
export class SessionSeriesPreviewDateModel {
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => SessionSeriesSkipReasonModel, { nullable: true, description: 'Null when the date is created' })
  skippedBecause: SessionSeriesSkipReasonModel | null;
}

@ObjectType('ClosureDay')
export class ClosureDayModel {
  @Field(() => ID) id: string;
  @Field(() => DateScalar) date: string;
  @Field() label: string;
  @Field(() => ClosureKind) kind: ClosureKind;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
}

@InputType('SessionFilter')
export class SessionFilterInput {
  @Field(() => DateTimeScalar, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) to?: Date | null;
  @Field(() => ID, { nullable: true }) programmeId?: string | null;
  @Field(() => ID, { nullable: true }) venueId?: string | null;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field(() => ID, { nullable: true }) seriesId?: string | null;
  @Field(() => Boolean, { nullable: true }) includeCancelled?: boolean | null;
}

@InputType('CreateOrganisationInput')
export class CreateOrganisationInput {
  @Field() name: string;
  @Field(() => OrganisationKind) kind: OrganisationKind;
  @Field(() => String, { nullable: true, description: 'Belgian (056 27 74 00) or international with +country code; stored as E.164' }) phone?: string | null;
}

@InputType('CreateVenueInput')
export class CreateVenueInput {
  @Field(() => ID) organisationId: string;
  @Field() name: string;
  @Field() address: string;
  @Field(() => String, { nullable: true }) room?: string | null;
  @Field(() => Int, { nullable: true }) capacityLimit?: number | null;
  @Field(() => String, { nullable: true }) accessibilityNotes?: string | null;
}

@InputType('UpdateOrganisationInput')
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => OrganisationKind, { nullable: true }) kind?: OrganisationKind | null;
  @Field(() => String, { nullable: true, description: 'Empty or null clears the number' }) phone?: string | null;
}

@InputType('UpdateVenueInput')
export class UpdateVenueInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) room?: string | null;
  @Field(() => Int, { nullable: true }) capacityLimit?: number | null;
  @Field(() => String, { nullable: true }) accessibilityNotes?: string | null;
}

@InputType('CreateProgrammeInput')
export class CreateProgrammeInput {
  @Field() name: string;
  @Field(() => ProgrammeKind) kind: ProgrammeKind;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int) defaultCapacity: number;
  @Field(() => [Int], { nullable: true }) reminderOffsetsMinutes?: number[] | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Default 1440 (24 h); 0 to 20160' }) seatOfferWindowMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default 180 (3 h); 15 to 2880' }) seatOfferHoldMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 200; left out or null: no childcare' }) childcareCapacity?: number | null;
  @Field(() => Boolean, { nullable: true }) listsChildren?: boolean | null;
}

@InputType('UpdateProgrammeInput')
export class UpdateProgrammeInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ProgrammeKind, { nullable: true }) kind?: ProgrammeKind | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) defaultCapacity?: number | null;
  @Field(() => [Int], { nullable: true }) reminderOffsetsMinutes?: number[] | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => Int, { nullable: true }) seatOfferWindowMinutes?: number | null;
  @Field(() => Int, { nullable: true }) seatOfferHoldMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 200; null stops childcare; left out keeps it' }) childcareCapacity?: number | null;
  @Field(() => Boolean, { nullable: true }) listsChildren?: boolean | null;
}

@InputType('CreateSessionInput')
export class CreateSessionInput {
  @Field(() => ID) programmeId: string;
  @Field(() => ID) venueId: string;
  @Field() title: string;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => [ID], { nullable: true }) hostIds?: string[] | null;
}

@InputType('CreateSessionSeriesInput')
export class CreateSessionSeriesInput {
  @Field(() => ID) programmeId: string;
  @Field(() => ID) venueId: string;
  @Field() title: string;
  @Field({ description: 'RFC 5545, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10' }) rrule: string;
  @Field(() => DateTimeScalar, { description: 'Wall-clock time in Europe/Brussels is kept across DST' }) firstStartsAt: Date;
  @Field(() => Int) durationMinutes: number;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => [ID], { nullable: true }) hostIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: "Flemish school holidays, public holidays and the venue organisation's own free days" })
  skipSchoolHolidays?: boolean | null;
}

@InputType('UpdateSessionSeriesInput')
export class UpdateSessionSeriesInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) rrule?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) firstStartsAt?: Date | null;
  @Field(() => Int, { nullable: true }) durationMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Omit to keep; null to follow the programme default' }) capacity?: number | null;
  @Field(() => [ID], { nullable: true }) hostIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) skipSchoolHolidays?: boolean | null;
}

@InputType('AddClosureDayInput')
export class AddClosureDayInput {
  @Field(() => ID) organisationId: string;
  @Field(() => DateScalar) date: string;
  @Field() label: string;
}
