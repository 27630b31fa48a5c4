/**
 * Which tables hold personal data and how export and erasure cover each.
 *
 * The rule: a column holds personal data when its name says it names, reaches or describes
 * someone — PERSONAL_COLUMN below (first_name, last_name, display_name, phone, email, address,
 * note(s), reason, error, neighbourhood, also with a prefix such as last_error). Every table with
 * such a column must be listed here, either as covered (exported and erased with the person) or
 * as not about a person, with why. apps/api/test/privacy-coverage.e2e-spec.ts reads the columns
 * from information_schema and fails on a table that is not listed, so a new table with a phone
 * or a note cannot slip past export and erasure.
 */
export const PERSONAL_COLUMN = /(^|_)(first_name|last_name|display_name|phone|email|address|notes?|reason|error|neighbourhood)$/;

export type PersonalDataCoverage =
  { readonly subject: 'participant' | 'user'; readonly exported: string; readonly erased: string } | { readonly notAboutAPerson: string };

export const PERSONAL_DATA_TABLES: Readonly<Record<string, PersonalDataCoverage>> = {
  participant: { subject: 'participant', exported: 'participant', erased: 'anonymised' },
  registration_code_request: {
    subject: 'participant',
    exported: 'registration_code_requests (without the code hash)',
    erased: 'deleted: those of their registrations and of their phone',
  },
  registration_child: {
    subject: 'participant',
    exported: 'registrations[].children (of the parent)',
    erased: 'deleted: reports count children from registration.children',
  },
  trajectory: { subject: 'participant', exported: 'trajectories', erased: 'notes emptied' },
  trajectory_status_change: { subject: 'participant', exported: 'trajectories[].history', erased: 'note emptied' },
  trajectory_follow_up: { subject: 'participant', exported: 'trajectories[].follow_ups', erased: 'note emptied' },
  notification: { subject: 'participant', exported: 'notifications (of a participant or a user)', erased: 'last_error emptied, pending ones cancelled' },
  delivery_attempt: { subject: 'participant', exported: 'notifications[].delivery_attempts', erased: 'error emptied' },
  sms_inbound: { subject: 'participant', exported: 'sms_replies', erased: 'deleted: those about them and those from their phone' },
  app_user: { subject: 'user', exported: 'user (without secrets)', erased: 'anonymised, deactivated' },
  volunteer_profile: { subject: 'user', exported: 'volunteer_profile', erased: 'emptied' },
  volunteer_absence: { subject: 'user', exported: 'absences', erased: 'deleted' },
  audit_log_entry: {
    notAboutAPerson: 'the reason of an export or erasure, which coordinators are told to write without personal details; the log must outlive the person',
  },
  session: { notAboutAPerson: "a session's cancellation reason" },
  stand_booking: { notAboutAPerson: "why an association's booking was refused or moved" },
  shift: { notAboutAPerson: "a shift's practical notes" },
  venue: { notAboutAPerson: "a building's address and accessibility notes" },
  festival_edition: { notAboutAPerson: "the festival site's address" },
  sms_opt_out: {
    notAboutAPerson: 'a bare number that answered STOP, with no name or link to anyone: kept after an erasure, so that number is never texted again',
  },
  organisation: { notAboutAPerson: "a school's or centre's general phone number, which mails give as the number to call" },
};
