import { brusselsInstant, fieldsOfRule, ruleOf, seriesSchema, emptySeries } from '../../src/staff/series/series-rule';

describe('the series form as a recurrence rule', () => {
  it('ends after the last second of the until day in Brussels, in summer and in winter time', () => {
    expect(ruleOf({ weekdays: ['TH', 'TU'], endKind: 'until', until: '2028-06-27', count: null })).toBe('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20280627T215959Z');
    expect(ruleOf({ weekdays: ['MO'], endKind: 'until', until: '2027-12-20', count: null })).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20271220T225959Z');
    expect(ruleOf({ weekdays: ['FR'], endKind: 'count', until: '', count: 10 })).toBe('FREQ=WEEKLY;BYDAY=FR;COUNT=10');
  });

  it('reads a stored rule back into the form', () => {
    expect(fieldsOfRule('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20280627T215959Z')).toEqual({
      weekdays: ['TU', 'TH'],
      endKind: 'until',
      until: '2028-06-27',
      count: null,
    });
    expect(fieldsOfRule('FREQ=WEEKLY;BYDAY=FR;COUNT=10')).toEqual({ weekdays: ['FR'], endKind: 'count', until: '', count: 10 });
  });

  it('keeps the wall-clock time in Brussels', () => {
    expect(new Date(brusselsInstant('2027-09-07', '19:00')).toISOString()).toBe('2027-09-07T17:00:00.000Z');
    expect(new Date(brusselsInstant('2027-11-09', '19:00')).toISOString()).toBe('2027-11-09T18:00:00.000Z');
  });

  it('asks for a last date on or after the first one, or a number of times', () => {
    const base = { ...emptySeries('p'), venueId: 'v', title: 'Reeks', firstDate: '2027-09-07', weekdays: ['TU' as const] };
    expect(seriesSchema.safeParse({ ...base, until: '2027-09-01' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['until', 'endBeforeStart'],
    ]);
    expect(seriesSchema.safeParse({ ...base, endKind: 'count' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['count', 'required']]);
    expect(seriesSchema.safeParse({ ...base, until: '2028-06-27' }).success).toBe(true);
  });
});
