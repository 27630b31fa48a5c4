import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** One calendar entry as the database keeps it: the UID and the revision a calendar app compares. */
export interface CalendarEntry {
  /** The UID: the same in every mail and feed about this thing, so an app updates its entry instead of adding one. */
  id: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  url?: string;
  /** The row's calendar_sequence: an app applies an update only when it is higher than what it holds (RFC 5546 §2.1.4). */
  sequence: number;
  /** The row's calendar_changed_at. */
  changedAt: Date;
}

/**
 * The iCalendar object of a mail. PUBLISH adds or updates (a confirmation, a reminder, a move);
 * CANCEL removes, with STATUS:CANCELLED for the apps that keep a struck-through entry instead.
 * DTSTAMP is when this message was made (the clock of the sender), LAST-MODIFIED the last change.
 */
export function calendarMessage(name: string, method: 'PUBLISH' | 'CANCEL', entries: CalendarEntry[], now: Date): string {
  return ical({
    name,
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    events: entries.map((entry) => ({
      id: entry.id,
      start: new Date(entry.start),
      end: new Date(entry.end),
      summary: entry.summary,
      location: entry.location,
      url: entry.url,
      sequence: entry.sequence,
      stamp: now,
      lastModified: new Date(entry.changedAt),
      status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })),
  }).toString();
}
