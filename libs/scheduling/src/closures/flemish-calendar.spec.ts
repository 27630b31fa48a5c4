import { DateTime } from 'luxon';
import {
  belgianPublicHolidays,
  ClosurePeriod,
  easterSunday,
  expandPeriods,
  flemishSchoolFreeDays,
  flemishSchoolHolidays,
  schoolYearOf,
} from './flemish-calendar';

function holiday(schoolYear: number, label: string): ClosurePeriod {
  const found = flemishSchoolHolidays(schoolYear).find((period) => period.label === label);
  if (!found) {
    throw new Error(`No ${label} in school year ${schoolYear}`);
  }
  return found;
}

function span(period: ClosurePeriod): [string, string] {
  return [period.from, period.to];
}

function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'utc' }).weekday;
}

function lengthInDays(period: ClosurePeriod): number {
  return expandPeriods([period]).length;
}

function freeDayDates(schoolYear: number): string[] {
  return flemishSchoolFreeDays(schoolYear).map((period) => period.from);
}

function contains(period: ClosurePeriod, date: string): boolean {
  return period.from <= date && date <= period.to;
}

const MONDAY = 1;
const SUNDAY = 7;

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2008, '2008-03-23'],
    [2285, '2285-03-22'],
    [1954, '1954-04-18'],
    [2000, '2000-04-23'],
  ])('Easter %i falls on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year);
      expect(weekdayOf(easter)).toBe(SUNDAY);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });
});

describe('schoolYearOf', () => {
  it.each([
    ['2026-10-01', 2026],
    ['2027-03-01', 2026],
    ['2026-08-31', 2025],
    ['2026-09-01', 2026],
    ['2026-01-01', 2025],
    ['2026-12-31', 2026],
    ['2026-07-15', 2025],
  ])('%s belongs to school year %i', (date, expected) => {
    expect(schoolYearOf(date)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(() => schoolYearOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('flemishSchoolHolidays', () => {
  describe('school year 2025-26', () => {
    it('lists the five holidays in chronological order', () => {
      expect(flemishSchoolHolidays(2025)).toEqual([
        { label: 'Herfstvakantie', from: '2025-10-27', to: '2025-11-02' },
        { label: 'Kerstvakantie', from: '2025-12-22', to: '2026-01-04' },
        { label: 'Krokusvakantie', from: '2026-02-16', to: '2026-02-22' },
        { label: 'Paasvakantie', from: '2026-04-06', to: '2026-04-19' },
        { label: 'Zomervakantie', from: '2026-07-01', to: '2026-08-31' },
      ]);
    });
  });

  describe('school year 2026-27', () => {
    it('moves the autumn holiday to the next week because 1 Nov 2026 is a Sunday', () => {
      expect(span(holiday(2026, 'Herfstvakantie'))).toEqual(['2026-11-02', '2026-11-08']);
    });

    it('starts Christmas on the Monday of the week of 25 Dec (a Friday)', () => {
      expect(span(holiday(2026, 'Kerstvakantie'))).toEqual(['2026-12-21', '2027-01-03']);
    });

    it('starts krokus 48 days before Easter 2027', () => {
      expect(span(holiday(2026, 'Krokusvakantie'))).toEqual(['2027-02-08', '2027-02-14']);
    });

    it('starts Easter holiday on the Monday after a March Easter (28 March 2027)', () => {
      expect(span(holiday(2026, 'Paasvakantie'))).toEqual(['2027-03-29', '2027-04-11']);
    });

    it('ends with the summer of 2027', () => {
      expect(span(holiday(2026, 'Zomervakantie'))).toEqual(['2027-07-01', '2027-08-31']);
    });
  });

  describe('autumn holiday', () => {
    it('is the week containing 1 Nov when it falls on a weekday (Monday 1 Nov 2027)', () => {
      expect(span(holiday(2027, 'Herfstvakantie'))).toEqual(['2027-11-01', '2027-11-07']);
    });

    it('is the week containing 1 Nov when it falls on a Saturday (2025)', () => {
      expect(span(holiday(2025, 'Herfstvakantie'))).toEqual(['2025-10-27', '2025-11-02']);
    });
  });

  describe('Christmas holiday', () => {
    it('starts the Monday after when 25 Dec is a Saturday (2027)', () => {
      expect(span(holiday(2027, 'Kerstvakantie'))).toEqual(['2027-12-27', '2028-01-09']);
    });

    it('starts the Monday after when 25 Dec is a Sunday (2022)', () => {
      expect(span(holiday(2022, 'Kerstvakantie'))).toEqual(['2022-12-26', '2023-01-08']);
    });

    it('starts on 25 Dec itself when it is a Monday (2023)', () => {
      expect(span(holiday(2023, 'Kerstvakantie'))).toEqual(['2023-12-25', '2024-01-07']);
    });
  });

  describe('Easter holiday', () => {
    it('starts on the second Monday before Easter when Easter is after 15 April (2025)', () => {
      expect(span(holiday(2024, 'Paasvakantie'))).toEqual(['2025-04-07', '2025-04-20']);
    });

    it('starts on the second Monday before Easter when Easter is after 15 April (2030)', () => {
      expect(span(holiday(2029, 'Paasvakantie'))).toEqual(['2030-04-08', '2030-04-21']);
    });

    it('starts on the second Monday before Easter on the latest possible Easter (2038)', () => {
      expect(span(holiday(2037, 'Paasvakantie'))).toEqual(['2038-04-12', '2038-04-25']);
    });

    it('starts on the first Monday of April when Easter is 1-15 April (2026)', () => {
      expect(span(holiday(2025, 'Paasvakantie'))).toEqual(['2026-04-06', '2026-04-19']);
    });

    it('starts on the first Monday of April when Easter is 1 April (2029)', () => {
      expect(span(holiday(2028, 'Paasvakantie'))).toEqual(['2029-04-02', '2029-04-15']);
    });

    it('starts on the Monday after Easter when Easter is in March (2024)', () => {
      expect(span(holiday(2023, 'Paasvakantie'))).toEqual(['2024-04-01', '2024-04-14']);
    });

    it('always covers Easter Sunday or Easter Monday', () => {
      for (let schoolYear = 1990; schoolYear <= 2100; schoolYear++) {
        const easter = easterSunday(schoolYear + 1);
        const easterMonday = DateTime.fromISO(easter, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? '';
        const period = holiday(schoolYear, 'Paasvakantie');
        expect(contains(period, easter) || contains(period, easterMonday)).toBe(true);
      }
    });
  });

  describe('shape over many years', () => {
    const expectedWeeks: Record<string, number> = {
      Herfstvakantie: 1,
      Kerstvakantie: 2,
      Krokusvakantie: 1,
      Paasvakantie: 2,
    };

    it('gives week-aligned, non-overlapping holidays inside each school year 2000-2100', () => {
      for (let schoolYear = 2000; schoolYear <= 2100; schoolYear++) {
        const holidays = flemishSchoolHolidays(schoolYear);
        const weekHolidays = holidays.filter((period) => period.label !== 'Zomervakantie');

        for (const period of weekHolidays) {
          expect(weekdayOf(period.from)).toBe(MONDAY);
          expect(weekdayOf(period.to)).toBe(SUNDAY);
          expect(lengthInDays(period)).toBe(expectedWeeks[period.label] * 7);
        }
        for (let index = 1; index < holidays.length; index++) {
          expect(holidays[index - 1].to < holidays[index].from).toBe(true);
        }
        expect(holidays[0].from >= `${schoolYear}-09-01`).toBe(true);
        expect(holidays[holidays.length - 1].to).toBe(`${schoolYear + 1}-08-31`);
      }
    });
  });
});

describe('belgianPublicHolidays', () => {
  it('lists the ten legal holidays of 2026 in date order', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      { label: 'Nieuwjaar', from: '2026-01-01', to: '2026-01-01' },
      { label: 'Paasmaandag', from: '2026-04-06', to: '2026-04-06' },
      { label: 'Dag van de Arbeid', from: '2026-05-01', to: '2026-05-01' },
      { label: 'O.L.H. Hemelvaart', from: '2026-05-14', to: '2026-05-14' },
      { label: 'Pinkstermaandag', from: '2026-05-25', to: '2026-05-25' },
      { label: 'Nationale feestdag', from: '2026-07-21', to: '2026-07-21' },
      { label: 'O.L.V. Hemelvaart', from: '2026-08-15', to: '2026-08-15' },
      { label: 'Allerheiligen', from: '2026-11-01', to: '2026-11-01' },
      { label: 'Wapenstilstand', from: '2026-11-11', to: '2026-11-11' },
      { label: 'Kerstmis', from: '2026-12-25', to: '2026-12-25' },
    ]);
  });

  it('places the movable feasts of 2027 relative to Easter on 28 March', () => {
    const byLabel = new Map(belgianPublicHolidays(2027).map((period) => [period.label, period.from]));
    expect(byLabel.get('Paasmaandag')).toBe('2027-03-29');
    expect(byLabel.get('O.L.H. Hemelvaart')).toBe('2027-05-06');
    expect(byLabel.get('Pinkstermaandag')).toBe('2027-05-17');
  });

  it('keeps date order when Ascension coincides with 1 May (2008)', () => {
    const holidays = belgianPublicHolidays(2008);
    const dates = holidays.map((period) => period.from);
    expect(dates).toEqual([...dates].sort());
    expect(
      holidays
        .filter((period) => period.from === '2008-05-01')
        .map((period) => period.label)
        .sort(),
    ).toEqual(['Dag van de Arbeid', 'O.L.H. Hemelvaart']);
  });

  it('keeps date order when Ascension falls before 1 May (2285, Easter 22 March)', () => {
    const dates = belgianPublicHolidays(2285).map((period) => period.from);
    expect(dates).toContain('2285-04-30');
    expect(dates).toEqual([...dates].sort());
  });
});

describe('flemishSchoolFreeDays', () => {
  it('lists the free days of school year 2025-26', () => {
    expect(flemishSchoolFreeDays(2025)).toEqual([
      { label: 'Wapenstilstand', from: '2025-11-11', to: '2025-11-11' },
      { label: 'Paasmaandag', from: '2026-04-06', to: '2026-04-06' },
      { label: 'Dag van de Arbeid', from: '2026-05-01', to: '2026-05-01' },
      { label: 'O.L.H. Hemelvaart', from: '2026-05-14', to: '2026-05-14' },
      { label: 'Brugdag na Hemelvaart', from: '2026-05-15', to: '2026-05-15' },
      { label: 'Pinkstermaandag', from: '2026-05-25', to: '2026-05-25' },
    ]);
  });

  it('puts Ascension 2027 on 6 May with the bridge day on Friday 7 May', () => {
    const dates = freeDayDates(2026);
    expect(dates).toContain('2027-05-06');
    expect(dates).toContain('2027-05-07');
    expect(weekdayOf('2027-05-07')).toBe(5);
  });

  it('only returns days within the school term (1 Sep - 30 Jun)', () => {
    for (let schoolYear = 2000; schoolYear <= 2100; schoolYear++) {
      for (const date of freeDayDates(schoolYear)) {
        expect(date >= `${schoolYear}-09-01` && date <= `${schoolYear + 1}-06-30`).toBe(true);
      }
    }
  });
});

describe('expandPeriods', () => {
  it('expands a 7-day period into 7 consecutive sorted dates', () => {
    const expanded = expandPeriods([{ label: 'Herfstvakantie', from: '2025-10-27', to: '2025-11-02' }]);
    expect(expanded.map((day) => day.date)).toEqual(['2025-10-27', '2025-10-28', '2025-10-29', '2025-10-30', '2025-10-31', '2025-11-01', '2025-11-02']);
    expect(expanded.every((day) => day.label === 'Herfstvakantie')).toBe(true);
  });

  it('deduplicates overlapping periods, keeping the label of the first period listed', () => {
    const expanded = expandPeriods([
      { label: 'Paasvakantie', from: '2026-04-06', to: '2026-04-19' },
      { label: 'Paasmaandag', from: '2026-04-06', to: '2026-04-06' },
    ]);
    expect(expanded).toHaveLength(14);
    expect(expanded[0]).toEqual({ date: '2026-04-06', label: 'Paasvakantie' });
  });

  it('sorts dates even when periods are given out of order', () => {
    const expanded = expandPeriods([
      { label: 'Kerstmis', from: '2026-12-25', to: '2026-12-25' },
      { label: 'Nieuwjaar', from: '2026-01-01', to: '2026-01-01' },
      { label: 'Overlap', from: '2026-12-24', to: '2026-12-26' },
    ]);
    expect(expanded).toEqual([
      { date: '2026-01-01', label: 'Nieuwjaar' },
      { date: '2026-12-24', label: 'Overlap' },
      { date: '2026-12-25', label: 'Kerstmis' },
      { date: '2026-12-26', label: 'Overlap' },
    ]);
  });

  it('crosses month and year boundaries (Christmas 2025-26 is 14 days)', () => {
    const expanded = expandPeriods([holiday(2025, 'Kerstvakantie')]);
    expect(expanded).toHaveLength(14);
    expect(expanded[expanded.length - 1].date).toBe('2026-01-04');
  });

  it('covers a whole summer holiday (62 days)', () => {
    expect(expandPeriods([holiday(2025, 'Zomervakantie')])).toHaveLength(62);
  });

  it('returns nothing for no periods', () => {
    expect(expandPeriods([])).toEqual([]);
  });

  it('rejects a period that ends before it starts', () => {
    expect(() => expandPeriods([{ label: 'Omgekeerd', from: '2026-01-02', to: '2026-01-01' }])).toThrow(RangeError);
  });
});
