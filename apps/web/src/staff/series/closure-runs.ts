import { addDays } from '../../time';

export interface ClosureDayLike<Kind extends string = string> {
  date: string;
  label: string;
  kind: Kind;
}

/** A run of consecutive closure days with one label ("Herfstvakantie", 1 Nov – 7 Nov) is one line. */
export interface ClosureRun<Kind extends string = string> {
  first: string;
  last: string;
  label: string;
  kind: Kind;
}

export function closureRuns<Kind extends string>(days: readonly ClosureDayLike<Kind>[]): ClosureRun<Kind>[] {
  const runs: ClosureRun<Kind>[] = [];
  // Another calendar's day can fall inside a run (Allerheiligen within Herfstvakantie): a run goes on past it.
  const open = new Map<string, ClosureRun<Kind>>();
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = `${day.kind}\u0000${day.label}`;
    const previous = open.get(key);
    // The same day twice (a school's own free day within a holiday with the same name) extends nothing.
    if (previous && day.date <= addDays(previous.last, 1)) previous.last = day.date > previous.last ? day.date : previous.last;
    else {
      const run = { first: day.date, last: day.date, label: day.label, kind: day.kind };
      runs.push(run);
      open.set(key, run);
    }
  }
  return runs;
}
