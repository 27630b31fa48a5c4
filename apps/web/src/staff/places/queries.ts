import { graphql, type ResultOf } from '../../graphql/graphql';

/** Every organisation, deactivated ones too: staff keep managing them. */
export const ORGANISATIONS_QUERY = graphql(`
  query StaffOrganisations {
    organisations(includeInactive: true) {
      id
      name
      kind
      phone
      active
      venues {
        id
      }
      screening {
        status
        screenedOn
        validUntil
        valid
        expired
        paysVolunteerAllowance
        allowanceNote
        trainings {
          id
          name
          followedOn
        }
      }
    }
  }
`);

export type OrganisationRow = ResultOf<typeof ORGANISATIONS_QUERY>['organisations'][number];

export const VENUES_QUERY = graphql(`
  query StaffVenues($organisationId: ID) {
    venues(includeInactive: true, organisationId: $organisationId) {
      id
      name
      address
      room
      capacityLimit
      accessibilityNotes
      active
      organisation {
        id
        name
        active
      }
    }
  }
`);

export type VenueRow = ResultOf<typeof VENUES_QUERY>['venues'][number];

export const KINDS = ['SCHOOL', 'NEIGHBOURHOOD_CENTRE', 'KIND_EN_GEZIN', 'ASSOCIATION', 'CITY', 'PARTNER'] as const;
export type OrganisationKind = (typeof KINDS)[number];

export const CREATE_ORGANISATION = graphql(`
  mutation StaffCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);

export const UPDATE_ORGANISATION = graphql(`
  mutation StaffUpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) {
      id
    }
  }
`);

export const DEACTIVATE_ORGANISATION = graphql(`
  mutation StaffDeactivateOrganisation($id: ID!) {
    deactivateOrganisation(id: $id) {
      id
    }
  }
`);

export const REACTIVATE_ORGANISATION = graphql(`
  mutation StaffReactivateOrganisation($id: ID!) {
    reactivateOrganisation(id: $id) {
      id
    }
  }
`);

export const SCREENING_STATUSES = ['NOT_SCREENED', 'IN_PROGRESS', 'SCREENED'] as const;
export type ScreeningStatusValue = (typeof SCREENING_STATUSES)[number];

export const RECORD_SCREENING = graphql(`
  mutation StaffRecordOrganisationScreening($id: ID!, $input: OrganisationScreeningInput!) {
    recordOrganisationScreening(id: $id, input: $input) {
      id
    }
  }
`);

export const ADD_TRAINING = graphql(`
  mutation StaffAddOrganisationTraining($organisationId: ID!, $input: OrganisationTrainingInput!) {
    addOrganisationTraining(organisationId: $organisationId, input: $input) {
      id
    }
  }
`);

export const REMOVE_TRAINING = graphql(`
  mutation StaffRemoveOrganisationTraining($id: ID!) {
    removeOrganisationTraining(id: $id) {
      id
    }
  }
`);

export const CREATE_VENUE = graphql(`
  mutation StaffCreateVenue($input: CreateVenueInput!) {
    createVenue(input: $input) {
      id
    }
  }
`);

export const UPDATE_VENUE = graphql(`
  mutation StaffUpdateVenue($id: ID!, $input: UpdateVenueInput!) {
    updateVenue(id: $id, input: $input) {
      id
    }
  }
`);

export const DEACTIVATE_VENUE = graphql(`
  mutation StaffDeactivateVenue($id: ID!) {
    deactivateVenue(id: $id) {
      id
    }
  }
`);

export const REACTIVATE_VENUE = graphql(`
  mutation StaffReactivateVenue($id: ID!) {
    reactivateVenue(id: $id) {
      id
    }
  }
`);

/** Case- and accent-insensitive: "ecole" finds "École". */
export function matchesSearch(name: string, search: string): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase();
  return fold(name).includes(fold(search.trim()));
}

export function mapLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}
