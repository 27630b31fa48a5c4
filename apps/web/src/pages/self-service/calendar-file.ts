/**
 * The .ics a newcomer saves from their personal page, built in the browser from what the page
 * already shows (no extra request, no token in a URL the calendar app would keep).
 *
 * Our calendar conventions (libs/messaging/src/channels/calendar-message.ts, the volunteers'
 * feed): the UID is the session's id, as in the confirmation mail's .ics, so a calendar app that
 * already holds the session updates it instead of adding a second entry; times are written in UTC
 * (`…Z`), which every calendar app shows at the right Brussels hour, where a floating local time
 * would be read in the phone's own zone; DTSTAMP is when the file was made.
 */
export interface CalendarSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

export const CALENDAR_FILE_NAME = 'oefenkansen.ics';

/** 20260909T170000Z */
function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: lines of at most 75 octets, continued on the next line after a space. Cut between
 * characters, never inside one: Arabic, Cyrillic and accented letters take several octets in UTF-8.
 */
function fold(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // A continuation line starts with a space, which counts.
    if (octets + size > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function sessionCalendar(session: CalendarSession, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Oefenkansen Kortrijk//Oefenkansen//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${text(session.id)}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(session.startsAt)}`,
    `DTEND:${utc(session.endsAt)}`,
    `SUMMARY:${text(session.title)}`,
    `LOCATION:${text(session.location)}`,
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** An OpenStreetMap search for the address: no API key, no tracking script, opens on any phone. */
export function mapLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}
