import ical, { type VEvent } from 'node-ical';
import { mapLink, sessionCalendar } from '../src/pages/self-service/calendar-file';

/** "2026-09-10 08:45": the wall-clock time in Brussels. */
function brussels(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The .ics a newcomer saves from their personal page, read back as a calendar app reads it. */
describe('the personal page calendar file', () => {
  const session = {
    id: '6f1c2d9e-2b7a-4a53-9e0c-0d1f4b8c7a11',
    title: 'Schoolbabbel De Vlieger; koffie, thee en praten',
    // 08:45–10:15 in Brussels, summer time; 19:00 in winter time for the second.
    startsAt: new Date('2026-09-10T06:45:00Z'),
    endsAt: new Date('2026-09-10T08:15:00Z'),
    location: 'Basisschool De Vlieger, Lokaal 2, Vliegerstraat 1, 8500 Kortrijk — بوابة الحديقة، الطابق الأول، قرب المكتبة الكبيرة',
  };

  it('has one event with the session as UID, its Brussels times and its text escaped', () => {
    const text = sessionCalendar(session, new Date('2026-09-09T08:00:00Z'));
    const [event] = Object.values(ical.sync.parseICS(text)).filter((component): component is VEvent => component?.type === 'VEVENT');
    expect(event.uid).toBe(session.id);
    expect(brussels(new Date(event.start))).toBe('2026-09-10 08:45');
    expect(brussels(new Date(event.end!))).toBe('2026-09-10 10:15');
    expect(event.summary).toBe(session.title);
    expect(event.location).toBe(session.location);
    expect(new Date(event.dtstamp).toISOString()).toBe('2026-09-09T08:00:00.000Z');
    expect(text).toContain('DTSTART:20260910T064500Z\r\n');
  });

  it('keeps every line at 75 octets or fewer, folding between characters (RFC 5545 §3.1)', () => {
    const text = sessionCalendar(session, new Date('2026-09-09T08:00:00Z'));
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines.filter((line) => Buffer.byteLength(line, 'utf8') > 75)).toEqual([]);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('is right across the change to winter time', () => {
    const winter = { ...session, startsAt: new Date('2026-10-26T18:00:00Z'), endsAt: new Date('2026-10-26T19:30:00Z') };
    const [event] = Object.values(ical.sync.parseICS(sessionCalendar(winter, new Date()))).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(brussels(new Date(event.start))).toBe('2026-10-26 19:00');
  });

  it('links the address to an OpenStreetMap search', () => {
    expect(mapLink('Overleiestraat 1, 8500 Kortrijk')).toBe('https://www.openstreetmap.org/search?query=Overleiestraat%201%2C%208500%20Kortrijk');
  });
});
