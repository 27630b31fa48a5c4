import { DateTime } from 'luxon';
import { easterSunday } from '@app/scheduling';

export const FESTIVAL_ZONE = 'Europe/Brussels';

/**
 * The Sinksenfeesten of a year: from the Friday before Pentecost to Whit Monday
 * (Pentecost = Easter + 49 days), e.g. 2027: Friday 14 May to Monday 17 May.
 */
export function sinksenfeesten(year: number): { startsOn: string; endsOn: string } {
  const pentecost = DateTime.fromISO(easterSunday(year), { zone: FESTIVAL_ZONE }).plus({ days: 49 });
  return { startsOn: pentecost.minus({ days: 2 }).toISODate()!, endsOn: pentecost.plus({ days: 1 }).toISODate()! };
}

/** Opening hours of a festival day when the coordinator gives none: evening on Friday, all day in the weekend, until 20:00 on Whit Monday. */
export function defaultOpeningBlocks(day: string): { from: string; to: string }[] {
  const weekday = DateTime.fromISO(day, { zone: FESTIVAL_ZONE }).weekday;
  if (weekday === 5)
    return [
      { from: '17:00', to: '20:00' },
      { from: '20:00', to: '23:00' },
    ];
  if (weekday === 1)
    return [
      { from: '11:00', to: '15:00' },
      { from: '15:00', to: '20:00' },
    ];
  return [
    { from: '11:00', to: '15:00' },
    { from: '15:00', to: '19:00' },
    { from: '19:00', to: '23:00' },
  ];
}
