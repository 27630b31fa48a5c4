import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { StandBookingStatus, StandCellState, StandOffering } from '../graphql/enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';

@ObjectType('FestivalDates', { description: 'The days of a festival edition' })
export class FestivalDatesModel {
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar) endsOn: string;
}

@ObjectType('OpeningBlock', { description: "A block of opening hours on one festival day; contiguous blocks form the day's opening hours" })
export class OpeningBlockModel {
  @Field(() => DateScalar) day: string;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
}

@ObjectType('FestivalEdition')
export class FestivalEditionModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar) endsOn: string;
  @Field() siteName: string;
  @Field() siteAddress: string;
  @Field(() => String, { nullable: true, description: 'A picture or PDF of the square with the plots' }) siteMapUrl: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Organisers apply and book until then; coordinators also after' })
  applicationDeadline: Date | null;
  @Field(() => Int) maxPlotsPerOrganisationPerDay: number;
}

@ObjectType('StandPlot')
export class StandPlotModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Float) widthMetres: number;
  @Field(() => Float) depthMetres: number;
  @Field() hasPower: boolean;
  @Field() hasWater: boolean;
  @Field() cookingAllowed: boolean;
  @Field(() => Float, { description: 'Position on the site map: percent of its width, from the left' }) mapX: number;
  @Field(() => Float, { description: 'Position on the site map: percent of its height, from the top' }) mapY: number;
  @Field({ description: 'Inactive plots take no new bookings' }) active: boolean;
  editionId: string;
}

@ObjectType('StandApplication', { description: 'What an association brings to an edition; its requested slots are stand bookings' })
export class StandApplicationModel {
  @Field(() => ID) id: string;
  @Field(() => StandOffering) offering: StandOffering;
  @Field({ description: 'The country or community the stand presents' }) community: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' }) countryCode: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() needsPower: boolean;
  @Field() needsWater: boolean;
  @Field() cooking: boolean;
  @Field(() => DateTimeScalar) createdAt: Date;
  editionId: string;
  organisationId: string;
}

@ObjectType('StandBooking')
export class StandBookingModel {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => DateScalar, { description: 'The festival day the booking is on' }) day: string;
  @Field(() => StandBookingStatus) status: StandBookingStatus;
  @Field(() => String, { nullable: true, description: 'Why the city refused or cancelled it' }) reason: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) decidedAt: Date | null;
  @Field(() => DateTimeScalar) createdAt: Date;
  editionId: string;
  plotId: string;
  organisationId: string;
  applicationId: string | null;
}

@ObjectType('ApplyForStandPayload')
export class ApplyForStandPayload {
  @Field(() => StandApplicationModel) application: StandApplicationModel;
  @Field(() => [StandBookingModel], { description: 'The slots asked for by this call' }) bookings: StandBookingModel[];
}

@ObjectType('StandCell', { description: 'One plot in one opening block' })
export class StandCellModel {
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => StandCellState) state: StandCellState;
  @Field({ description: "True when the booking here is the viewer's association's" }) mine: boolean;
  @Field(() => StandBookingModel, { nullable: true, description: 'Shown to coordinators and to the association that holds it' })
  booking: StandBookingModel | null;
}

@ObjectType('PlotAvailability', { description: 'A row of the plan: one plot, a cell per opening block of the day' })
export class PlotAvailabilityModel {
  @Field(() => StandPlotModel) plot: StandPlotModel;
  @Field(() => [StandCellModel]) cells: StandCellModel[];
}

@ObjectType('FestivalDayAvailability')
export class FestivalDayAvailabilityModel {
  @Field(() => DateScalar) date: string;
  @Field(() => [OpeningBlockModel], { description: 'The columns of the plan' }) blocks: OpeningBlockModel[];
  @Field(() => [PlotAvailabilityModel], { description: 'The rows of the plan, by plot code' }) rows: PlotAvailabilityModel[];
  @Field(() => Int) freeCells: number;
  @Field(() => Int) requestedCells: number;
  @Field(() => Int) confirmedCells: number;
}

@ObjectType('StandAvailability', { description: 'The plot × opening-block plan of an edition' })
export class StandAvailabilityModel {
  @Field(() => FestivalEditionModel) edition: FestivalEditionModel;
  @Field(() => [FestivalDayAvailabilityModel]) days: FestivalDayAvailabilityModel[];
}

@InputType('OpeningBlockInput', { description: 'Wall-clock times in Brussels, e.g. 11:00 to 15:00; 24:00 is midnight' })
export class OpeningBlockInput {
  @Field(() => DateScalar) date: string;
  @Field() from: string;
  @Field() to: string;
}

@InputType('CreateFestivalEditionInput')
export class CreateFestivalEditionInput {
  @Field() name: string;
  @Field(() => DateScalar, { description: 'Query festivalDates(year) for the Sinksenfeesten of a year' }) startsOn: string;
  @Field(() => DateScalar) endsOn: string;
  @Field(() => String, { nullable: true, description: 'Default: Grote Markt' }) siteName?: string | null;
  @Field(() => String, { nullable: true }) siteAddress?: string | null;
  @Field(() => String, { nullable: true }) siteMapUrl?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: 28 days before startsOn, 23:59 Brussels' }) applicationDeadline?: Date | null;
  @Field(() => Int, { nullable: true, description: 'Default: 2' }) maxPlotsPerOrganisationPerDay?: number | null;
  @Field(() => [OpeningBlockInput], { nullable: true, description: 'Default: Friday 17-20-23, Saturday and Sunday 11-15-19-23, Monday 11-15-20' })
  openingHours?: OpeningBlockInput[] | null;
}

@InputType('UpdateFestivalEditionInput')
export class UpdateFestivalEditionInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) siteName?: string | null;
  @Field(() => String, { nullable: true }) siteAddress?: string | null;
  @Field(() => String, { nullable: true }) siteMapUrl?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) applicationDeadline?: Date | null;
  @Field(() => Int, { nullable: true }) maxPlotsPerOrganisationPerDay?: number | null;
}

@InputType('CreateStandPlotInput')
export class CreateStandPlotInput {
  @Field(() => ID) editionId: string;
  @Field() code: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Float, { nullable: true, description: 'Default: 3' }) widthMetres?: number | null;
  @Field(() => Float, { nullable: true, description: 'Default: 3' }) depthMetres?: number | null;
  @Field(() => Boolean, { nullable: true }) hasPower?: boolean | null;
  @Field(() => Boolean, { nullable: true }) hasWater?: boolean | null;
  @Field(() => Boolean, { nullable: true }) cookingAllowed?: boolean | null;
  @Field(() => Float, { nullable: true, description: '0-100, default 50' }) mapX?: number | null;
  @Field(() => Float, { nullable: true, description: '0-100, default 50' }) mapY?: number | null;
}

@InputType('UpdateStandPlotInput')
export class UpdateStandPlotInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Float, { nullable: true }) widthMetres?: number | null;
  @Field(() => Float, { nullable: true }) depthMetres?: number | null;
  @Field(() => Boolean, { nullable: true }) hasPower?: boolean | null;
  @Field(() => Boolean, { nullable: true }) hasWater?: boolean | null;
  @Field(() => Boolean, { nullable: true }) cookingAllowed?: boolean | null;
  @Field(() => Float, { nullable: true }) mapX?: number | null;
  @Field(() => Float, { nullable: true }) mapY?: number | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType('BookStandInput')
export class BookStandInput {
  @Field(() => ID) plotId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
}

@InputType('StandSlotInput', { description: 'A plot for a time: a whole day (its opening hours) or opening-hour blocks' })
export class StandSlotInput {
  @Field(() => ID) plotId: string;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
}

@InputType('ApplyForStandInput')
export class ApplyForStandInput {
  @Field(() => ID) editionId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => StandOffering) offering: StandOffering;
  @Field({ description: 'The country or community the stand presents, e.g. "Syrische gemeenschap Kortrijk"' }) community: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. SY' }) countryCode?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true }) needsPower?: boolean | null;
  @Field(() => Boolean, { nullable: true }) needsWater?: boolean | null;
  @Field(() => Boolean, { nullable: true }) cooking?: boolean | null;
  @Field(() => [StandSlotInput]) slots: StandSlotInput[];
}

@InputType('MoveStandBookingInput')
export class MoveStandBookingInput {
  @Field(() => ID, { nullable: true }) plotId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) startsAt?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) endsAt?: Date | null;
}

@InputType('StandBookingFilter')
export class StandBookingFilterInput {
  @Field(() => StandBookingStatus, { nullable: true }) status?: StandBookingStatus | null;
  @Field(() => DateScalar, { nullable: true }) day?: string | null;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
}
