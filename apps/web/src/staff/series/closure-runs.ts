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
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const previous = runs.at(-1);
    // The same day twice (a school's own free day within a holiday with the same name) extends nothing.
    if (previous && previous.label === day.label && day.date <= addDays(previous.last, 1)) previous.last = day.date > previous.last ? day.date : previous.last;
    else runs.push({ first: day.date, last: day.date, label: day.label, kind: day.kind });
  }
  return runs;
}
