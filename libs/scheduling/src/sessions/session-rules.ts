import { AppError, ErrorCode, validate, Role } from '@app/common';
import { Transaction } from '@app/database';
import { ProgrammeEntity, VenueEntity } from '../entities';
import { HostsRepository } from '../hosts/hosts.repository';
import { ProgrammesRepository } from '../programmes/programmes.repository';
import { MAX_CAPACITY } from '../programmes/programmes.service';
import { VenuesRepository } from '../venues/venues.repository';

export const MAX_HOSTS = 10;
/** A practice session is an evening or a morning; a day-long zomerschool block fits too. */
export const MAX_DURATION_MINUTES = 12 * 60;
export const MAX_TITLE = 200;

const HOST_ROLES = [Role.HOST, Role.COORDINATOR, Role.ADMIN, Role.VOLUNTEER];

/** Checks that every host id is an active user who can host, in one statement. */
export async function requireHosts(hosts: HostsRepository, hostIds: string[], tx: Transaction): Promise<string[]> {
  if (hostIds.length > MAX_HOSTS) throw AppError.badInput(`hostIds holds at most ${MAX_HOSTS} hosts`, 'hostIds');
  const ids = [...new Set(hostIds.map((id) => validate.uuid('hostIds', id)))];
  if (ids.length === 0) return ids;
  const found = await hosts.activeUserRoles(ids, tx);
  for (const id of ids) {
    const roles = found.get(id);
    if (!roles) throw AppError.notFound('User', id);
    if (!roles.some((role) => HOST_ROLES.includes(role as Role))) throw AppError.badInput(`user ${id} cannot host sessions (needs the HOST role)`, 'hostIds');
  }
  return ids;
}

export async function requireProgrammeAndVenue(
  repositories: { programmes: ProgrammesRepository; venues: VenuesRepository },
  programmeId: string,
  venueId: string,
  tx: Transaction,
): Promise<{ programme: ProgrammeEntity; venue: VenueEntity }> {
  const pid = validate.uuid('programmeId', programmeId);
  const vid = validate.uuid('venueId', venueId);
  const [programme, venue] = await Promise.all([repositories.programmes.findById(pid, tx), repositories.venues.findWithOrganisation(vid, tx)]);
  if (!programme) throw AppError.notFound('Programme', pid);
  if (!venue) throw AppError.notFound('Venue', vid);
  if (!programme.active) throw AppError.badInput('the programme is no longer active', 'programmeId');
  if (!venue.active) throw new AppError(ErrorCode.DEACTIVATED, `venue ${venue.name} is deactivated: no new sessions there`, { field: 'venueId' });
  if (venue.organisation && !venue.organisation.active)
    throw new AppError(ErrorCode.DEACTIVATED, `organisation ${venue.organisation.name} is deactivated: no new sessions at its venues`, { field: 'venueId' });
  return { programme, venue };
}

/** New sessions only at an active venue of an active organisation (the venue loaded with its organisation). */
export function venueTakesSessions(venue: VenueEntity): boolean {
  return venue.active && venue.organisation?.active !== false;
}

export function sessionCapacity(requested: number | null | undefined, programme: ProgrammeEntity, venue: VenueEntity): number {
  const capacity = validate.int('capacity', requested ?? programme.defaultCapacity, 1, MAX_CAPACITY);
  if (venue.capacityLimit !== null && capacity > venue.capacityLimit) {
    throw AppError.badInput(`capacity ${capacity} is more than venue ${venue.name} holds (${venue.capacityLimit})`, 'capacity');
  }
  return capacity;
}

export function requireValidInstant(field: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw AppError.badInput(`${field} is not a valid date-time`, field);
  const year = value.getUTCFullYear();
  if (year < 2000 || year > 2100) throw AppError.badInput(`${field} must be between the years 2000 and 2100`, field);
  return value;
}
