import { DateTime } from 'luxon';
import { OrganisationEntity, OrganisationScreeningStatus } from './entities';

/**
 * A screening holds for three years: long enough for an association that hosts newcomers every
 * year, short enough that a changed board or way of working gets looked at again. The same
 * period the city uses for a volunteer's certificate of good conduct.
 */
export const SCREENING_VALID_YEARS = 3;

/** Why an organisation may not host a newcomer now, or null when its screening holds on `today`. */
export type ScreeningProblem = { reason: 'NOT_SCREENED' } | { reason: 'EXPIRED'; expiredOn: string };

/** The last day a screening of `screenedOn` holds. */
export function screeningValidUntil(screenedOn: string): string {
  return DateTime.fromISO(screenedOn).plus({ years: SCREENING_VALID_YEARS }).minus({ days: 1 }).toISODate()!;
}

export function screeningProblem(organisation: Pick<OrganisationEntity, 'screeningStatus' | 'screenedOn'>, today: string): ScreeningProblem | null {
  if (organisation.screeningStatus !== OrganisationScreeningStatus.SCREENED || !organisation.screenedOn) return { reason: 'NOT_SCREENED' };
  const validUntil = screeningValidUntil(organisation.screenedOn);
  return validUntil < today ? { reason: 'EXPIRED', expiredOn: validUntil } : null;
}
