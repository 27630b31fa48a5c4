export * from './scheduling.module';
export * from './organisations/organisations.service';
export * from './venues/venues.service';
export * from './programmes/programmes.service';
export * from './sessions/sessions.service';
export * from './series/session-series.service';
export * from './closures/closures.service';
export { easterSunday, schoolYearOf, flemishSchoolHolidays, belgianPublicHolidays } from './closures/flemish-calendar';
export { parseRecurrence, occurrencesUntil, brusselsDate, endOfSchoolYear, SCHEDULE_ZONE } from './recurrence/brussels-recurrence';
