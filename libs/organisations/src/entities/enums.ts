export enum OrganisationKind {
  SCHOOL = 'SCHOOL',
  NEIGHBOURHOOD_CENTRE = 'NEIGHBOURHOOD_CENTRE',
  KIND_EN_GEZIN = 'KIND_EN_GEZIN',
  ASSOCIATION = 'ASSOCIATION',
  PARTNER = 'PARTNER',
  CITY = 'CITY',
}

/**
 * The integration service's own check of a host organisation before a newcomer goes there
 * (Picnik): not volunteers' ScreeningStatus, which is a certificate a person requests and receives
 * — and this lib sits below volunteers, so it could not import that enum anyway.
 */
export enum OrganisationScreeningStatus {
  NOT_SCREENED = 'NOT_SCREENED',
  IN_PROGRESS = 'IN_PROGRESS',
  SCREENED = 'SCREENED',
}
