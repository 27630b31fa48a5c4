import { simpleParser } from 'mailparser';
import ical, { type VEvent } from 'node-ical';
import type { CapturedMail } from '@app/testing';

/** What a calendar app holds for one UID; a cancelled entry stays as a tombstone so a late, older update cannot bring it back. */
export interface HeldEntry {
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  cancelled: boolean;
}

/**
 * A calendar app's store, applying iTIP messages as RFC 5546 §2.1.4–2.1.5 says: an update replaces
 * the entry only with a higher SEQUENCE (or the same SEQUENCE and a later DTSTAMP); PUBLISH adds or
 * updates, CANCEL removes.
 */
export class CalendarStore {
  readonly entries = new Map<string, HeldEntry>();

  /** The entries a person sees in their calendar. */
  visible(): Record<string, { start: string; end: string; summary: string; sequence: number }> {
    const shown: Record<string, { start: string; end: string; summary: string; sequence: number }> = {};
    for (const [uid, entry] of this.entries)
      if (!entry.cancelled) shown[uid] = { start: entry.start.toISOString(), end: entry.end.toISOString(), summary: entry.summary, sequence: entry.sequence };
    return shown;
  }

  /** Applies every event of an iCalendar object; returns the UIDs it changed. */
  apply(ics: string): string[] {
    const parsed = ical.sync.parseICS(ics);
    const method = (parsed.vcalendar as { method?: string } | undefined)?.method;
    const changed: string[] = [];
    for (const event of Object.values(parsed).filter((component): component is VEvent => component?.type === 'VEVENT')) {
      const sequence = Number(event.sequence ?? 0);
      const stamp = new Date(event.dtstamp);
      const held = this.entries.get(event.uid);
      if (held && (sequence < held.sequence || (sequence === held.sequence && stamp.getTime() <= held.stamp.getTime()))) continue;
      const cancelled = method === 'CANCEL' || event.status === 'CANCELLED';
      this.entries.set(event.uid, {
        sequence,
        stamp,
        start: new Date(event.start),
        end: new Date(event.end ?? event.start),
        summary: String(event.summary),
        cancelled,
      });
      changed.push(event.uid);
    }
    return changed;
  }
}

/** The calendar of a mail as a mail client reads it: the text/calendar part, the method= of its type and its METHOD line. */
export async function calendarPartOf(mail: CapturedMail): Promise<{ typed: string; declared: string; ics: string } | null> {
  const parsed = await simpleParser(mail.raw);
  const part = parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) return null;
  const ics = part.content.toString('utf8');
  const typed = (part.headers.get('content-type') as { params: Record<string, string> }).params.method;
  return { typed, declared: /^METHOD:(.+?)\r?$/m.exec(ics)?.[1] ?? '', ics };
}

/** The one VEVENT of an iCalendar object, parsed. */
export function onlyEvent(ics: string): VEvent {
  const events = Object.values(ical.sync.parseICS(ics)).filter((component): component is VEvent => component?.type === 'VEVENT');
  if (events.length !== 1) throw new Error(`expected one VEVENT, found ${events.length}`);
  return events[0];
}

/** A database time as a calendar writes it (whole seconds). */
export const toSecond = (date: Date | string) => new Date(Math.floor(new Date(date).getTime() / 1000) * 1000).toISOString();
