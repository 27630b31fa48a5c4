import { DateTime } from 'luxon';
import { AppError } from '@app/common';
import { FESTIVAL_ZONE } from './sinksenfeesten';

export interface OpeningBlockCommand {
  date: string;
  from: string;
  to: string;
}

export interface OpeningBlock {
  day: string;
  startsAt: Date;
  endsAt: Date;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time on a festival day in Brussels; "24:00" is midnight at the end of the day. Refuses times that do not exist (the spring DST gap). */
function brusselsInstant(date: string, time: string, field: string): Date {
  if (time === '24:00') return DateTime.fromISO(date, { zone: FESTIVAL_ZONE }).plus({ days: 1 }).toJSDate();
  if (!CLOCK.test(time)) throw AppError.badInput(`${field} must be a time like 11:00 (24-hour clock, up to 24:00)`, field);
  const local = DateTime.fromISO(`${date}T${time}`, { zone: FESTIVAL_ZONE });
  if (!local.isValid || local.toFormat('HH:mm') !== time)
    throw AppError.badInput(`${field} ${time} does not exist on ${date} in Brussels (clocks change)`, field);
  return local.toJSDate();
}

/**
 * Validated opening blocks, sorted: every date within the edition, each block ends after it
 * starts, and blocks of one day do not overlap.
 */
export function openingBlocksOf(commands: OpeningBlockCommand[], startsOn: string, endsOn: string): OpeningBlock[] {
  if (commands.length === 0) throw AppError.badInput('openingHours must list at least one block', 'openingHours');
  if (commands.length > 200) throw AppError.badInput('openingHours may list at most 200 blocks', 'openingHours');
  const blocks = commands.map((command) => {
    if (command.date < startsOn || command.date > endsOn)
      throw AppError.badInput(`openingHours date ${command.date} is not a festival day (${startsOn} to ${endsOn})`, 'openingHours.date');
    const startsAt = brusselsInstant(command.date, command.from, 'openingHours.from');
    const endsAt = brusselsInstant(command.date, command.to, 'openingHours.to');
    if (endsAt.getTime() <= startsAt.getTime())
      throw AppError.badInput(`openingHours on ${command.date}: ${command.to} is not after ${command.from}`, 'openingHours.to');
    return { day: command.date, startsAt, endsAt };
  });
  blocks.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < blocks.length; i += 1) {
    if (blocks[i].startsAt.getTime() < blocks[i - 1].endsAt.getTime())
      throw AppError.badInput(`openingHours blocks overlap on ${blocks[i].day}`, 'openingHours');
  }
  return blocks;
}

/** Contiguous blocks of one day merged: the periods a stand may be booked in. */
export function openingPeriods(blocks: readonly OpeningBlock[]): OpeningBlock[] {
  const periods: OpeningBlock[] = [];
  for (const block of [...blocks].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const last = periods[periods.length - 1];
    if (last && last.day === block.day && last.endsAt.getTime() === block.startsAt.getTime()) last.endsAt = block.endsAt;
    else periods.push({ ...block });
  }
  return periods;
}

/** The opening period a time range lies in, or null. */
export function periodContaining(blocks: readonly OpeningBlock[], startsAt: Date, endsAt: Date): OpeningBlock | null {
  return openingPeriods(blocks).find((period) => period.startsAt.getTime() <= startsAt.getTime() && endsAt.getTime() <= period.endsAt.getTime()) ?? null;
}

/** "za 15 mei 11:00-23:00", for error messages. */
export function describePeriods(blocks: readonly OpeningBlock[]): string {
  return openingPeriods(blocks)
    .map((period) => {
      const from = DateTime.fromJSDate(period.startsAt, { zone: FESTIVAL_ZONE });
      const to = DateTime.fromJSDate(period.endsAt, { zone: FESTIVAL_ZONE });
      return `${period.day} ${from.toFormat('HH:mm')}-${to.toFormat('HH:mm')}`;
    })
    .join(', ');
}
