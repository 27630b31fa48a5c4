import { graphql, type ResultOf } from '../../graphql/graphql';

export const EDITIONS_QUERY = graphql(`
  query StaffFestivalEditions {
    festivalEditions {
      id
      name
      startsOn
      endsOn
      applicationDeadline
      maxPlotsPerOrganisationPerDay
      plots {
        id
      }
    }
  }
`);

export type EditionRow = ResultOf<typeof EDITIONS_QUERY>['festivalEditions'][number];

export const FESTIVAL_DATES_QUERY = graphql(`
  query StaffFestivalDates($year: Int!) {
    festivalDates(year: $year) {
      startsOn
      endsOn
    }
  }
`);

export const EDITION_QUERY = graphql(`
  query StaffFestivalEdition($id: ID!) {
    festivalEdition(id: $id) {
      id
      name
      startsOn
      endsOn
      siteName
      siteAddress
      applicationDeadline
      maxPlotsPerOrganisationPerDay
      openingHours {
        day
        startsAt
        endsAt
      }
      plots {
        id
        code
        description
        widthMetres
        depthMetres
        hasPower
        hasWater
        cookingAllowed
        mapX
        mapY
        active
      }
    }
    festivalEditions {
      id
      name
      startsOn
    }
    standBookings(editionId: $id) {
      id
      status
      plot {
        id
      }
    }
  }
`);

export type Edition = NonNullable<ResultOf<typeof EDITION_QUERY>['festivalEdition']>;
export type Plot = Edition['plots'][number];
export type Block = Edition['openingHours'][number];
export type PlotBooking = ResultOf<typeof EDITION_QUERY>['standBookings'][number];

export const APPLICATIONS_QUERY = graphql(`
  query StaffStandApplications($editionId: ID!) {
    standApplications(editionId: $editionId) {
      id
      offering
      community
      countryCode
      description
      needsPower
      needsWater
      cooking
      createdAt
      organisation {
        id
        name
      }
      bookings {
        id
        status
        day
        startsAt
        endsAt
        reason
        plot {
          id
          code
        }
      }
    }
  }
`);

export type Application = ResultOf<typeof APPLICATIONS_QUERY>['standApplications'][number];
export type Booking = Application['bookings'][number];

export const CREATE_EDITION = graphql(`
  mutation StaffCreateFestivalEdition($input: CreateFestivalEditionInput!) {
    createFestivalEdition(input: $input) {
      id
    }
  }
`);

export const UPDATE_EDITION = graphql(`
  mutation StaffUpdateFestivalEdition($id: ID!, $input: UpdateFestivalEditionInput!) {
    updateFestivalEdition(id: $id, input: $input) {
      id
    }
  }
`);

export const SET_OPENING_HOURS = graphql(`
  mutation StaffSetFestivalOpeningHours($editionId: ID!, $openingHours: [OpeningBlockInput!]!) {
    setFestivalOpeningHours(editionId: $editionId, openingHours: $openingHours) {
      id
    }
  }
`);

export const CREATE_PLOT = graphql(`
  mutation StaffCreateStandPlot($input: CreateStandPlotInput!) {
    createStandPlot(input: $input) {
      id
    }
  }
`);

export const UPDATE_PLOT = graphql(`
  mutation StaffUpdateStandPlot($id: ID!, $input: UpdateStandPlotInput!) {
    updateStandPlot(id: $id, input: $input) {
      id
    }
  }
`);

export const COPY_PLOTS = graphql(`
  mutation StaffCopyStandPlots($fromEditionId: ID!, $toEditionId: ID!) {
    copyStandPlots(fromEditionId: $fromEditionId, toEditionId: $toEditionId) {
      id
    }
  }
`);

export const CONFIRM_BOOKING = graphql(`
  mutation StaffConfirmStandBooking($id: ID!) {
    confirmStandBooking(id: $id) {
      id
    }
  }
`);

export const REFUSE_BOOKING = graphql(`
  mutation StaffRefuseStandBooking($id: ID!, $reason: String!) {
    refuseStandBooking(id: $id, reason: $reason) {
      id
    }
  }
`);

export const MOVE_BOOKING = graphql(`
  mutation StaffMoveStandBooking($id: ID!, $input: MoveStandBookingInput!) {
    moveStandBooking(id: $id, input: $input) {
      id
    }
  }
`);

/** The associations that can have a stand: active organisations of kind ASSOCIATION. */
export const ASSOCIATIONS_QUERY = graphql(`
  query StaffFestivalAssociations {
    organisations {
      id
      name
      kind
    }
  }
`);

export const APPLY_FOR_STAND = graphql(`
  mutation StaffApplyForStand($input: ApplyForStandInput!) {
    applyForStand(input: $input) {
      application {
        id
      }
    }
  }
`);
