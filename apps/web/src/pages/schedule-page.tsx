import { type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { LoadError, Loading } from '../components/load-states';
import { usePageTitle } from '../components/page-title';
import { Seats } from '../components/seats';
import { request } from '../graphql/client';
import { type ResultOf } from '../graphql/graphql';
import { SCHEDULE_QUERY } from '../graphql/public-operations';
import { useQuery } from '../graphql/use-query';
import { type I18n, useI18n } from '../i18n/i18n';
import { brusselsDay, scheduleWindow, startOfMinute } from '../time';

type Page = ResultOf<typeof SCHEDULE_QUERY>['sessions'];
type ScheduleSession = Page['edges'][number]['node'];

/** The filters, kept in the address (?programme=…&place=…&day=…&language=…) so a filtered view can be shared. */
const FILTERS = ['programme', 'place', 'day', 'language'] as const;
type Filter = (typeof FILTERS)[number];

const matches: Record<Filter, (session: ScheduleSession, value: string) => boolean> = {
  programme: (session, value) => session.programme.id === value,
  place: (session, value) => session.venue.organisation.id === value,
  day: (session, value) => brusselsDay(new Date(session.startsAt)) === value,
  language: (session, value) => session.helpLanguages.includes(value),
};

export function SchedulePage() {
  const { t } = useI18n();
  usePageTitle(t.schedule.title);
  const [period] = useState(() => scheduleWindow(new Date()));
  // From the start of this minute, not this millisecond: everyone who opens the page within a
  // minute asks the same question, which the API (and any proxy) then answers from its cache.
  const variables = useMemo(() => ({ from: startOfMinute(period.from).toISOString(), to: period.to.toISOString(), after: null }), [period]);
  const first = useQuery(SCHEDULE_QUERY, variables);
  const more = useMorePages(variables);

  return (
    <>
      <h1>{t.schedule.title}</h1>
      <p className="intro">{t.schedule.intro}</p>
      {first.status === 'loading' && <Loading />}
      {first.status === 'error' && <LoadError retry={first.retry} />}
      {first.status === 'done' && (
        <Schedule
          sessions={[...first.data.sessions.edges, ...more.edges].map((edge) => edge.node)}
          nextWeekStarts={period.nextWeekStarts}
          loadMore={(more.pageInfo ?? first.data.sessions.pageInfo).hasNextPage ? () => more.load(more.pageInfo ?? first.data.sessions.pageInfo) : null}
        />
      )}
    </>
  );
}

/** Pages after the first 100 sessions, fetched only when asked for. */
function useMorePages(variables: { from: string; to: string }) {
  const [state, setState] = useState<{ edges: Page['edges']; pageInfo: Page['pageInfo'] | null }>({ edges: [], pageInfo: null });
  const load = useCallback(
    async (after: Page['pageInfo']) => {
      const data = await request(SCHEDULE_QUERY, { ...variables, after: after.endCursor });
      setState((previous) => ({ edges: [...previous.edges, ...data.sessions.edges], pageInfo: data.sessions.pageInfo }));
    },
    [variables],
  );
  return { ...state, load };
}

function Schedule(props: { sessions: ScheduleSession[]; nextWeekStarts: string; loadMore: (() => Promise<void>) | null }) {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = Object.fromEntries(FILTERS.map((filter) => [filter, searchParams.get(filter) ?? ''])) as Record<Filter, string>;
  const visible = props.sessions.filter((session) => FILTERS.every((filter) => !chosen[filter] || matches[filter](session, chosen[filter])));
  const weeks = groupByWeekAndDay(visible, props.nextWeekStarts);

  const choose = (filter: Filter, value: string) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(filter, value);
        else next.delete(filter);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Filters sessions={props.sessions} chosen={chosen} choose={choose} clear={() => setSearchParams({}, { replace: true })}>
        <p role="status" className="result-count">
          {plural(t.schedule.results, visible.length)}
        </p>
      </Filters>
      {visible.length === 0 && <p className="notice">{t.schedule.noResults}</p>}
      {weeks.map((week) => (
        <section key={week.key} aria-labelledby={`week-${week.key}`} className="week">
          <h2 id={`week-${week.key}`}>{week.key === 'this' ? t.schedule.thisWeek : t.schedule.nextWeek}</h2>
          {week.days.map((day) => (
            <section key={day.day} aria-labelledby={`day-${day.day}`} className="day">
              <h3 id={`day-${day.day}`}>{i18n.formatDay(new Date(day.sessions[0].startsAt))}</h3>
              <ul className="sessions">
                {day.sessions.map((session) => (
                  <SessionCard key={session.id} session={session} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
      {props.loadMore && (
        <p>
          <button type="button" onClick={() => void props.loadMore?.()}>
            {t.schedule.loadMore}
          </button>
        </p>
      )}
    </>
  );
}

function SessionCard({ session }: { session: ScheduleSession }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cancelled = session.status === 'CANCELLED';
  return (
    <li className={`session-card${cancelled ? ' session-card--cancelled' : ''}`}>
      <h4 className="session-card__title">
        <Link href={`/sessions/${session.id}`}>{session.title}</Link>
      </h4>
      <p className="session-card__time">
        <time dateTime={session.startsAt}>{i18n.formatTimeRange(new Date(session.startsAt), new Date(session.endsAt))}</time>
      </p>
      <p className="session-card__place">{session.venue.organisation.name}</p>
      <p className="session-card__programme">{session.programme.name}</p>
      {session.helpLanguages.length > 0 && (
        <p className="session-card__languages">
          {i18n.format(t.scheduleMore.helpIn, { languages: i18n.formatList(session.helpLanguages.map((tag) => i18n.languageName(tag))) })}
        </p>
      )}
      {/* In words, not by the strike-through alone: a screen reader and a colour-blind reader get it too. */}
      {cancelled ? (
        <p className="seats seats--cancelled">{t.session.cancelled}</p>
      ) : (
        <Seats availableSeats={session.availableSeats} waitlistCount={session.waitlistCount} />
      )}
    </li>
  );
}

interface Option {
  value: string;
  label: string;
}

/** Wide enough to show the filters and the first sessions together. */
const WIDE_SCREEN = '(min-width: 60rem)';

/**
 * The filters fold behind a disclosure button, so on a phone the sessions come first; the button
 * says how many filters are on. Open from the start on a wide screen.
 */
function Filters(props: {
  sessions: ScheduleSession[];
  chosen: Record<Filter, string>;
  choose(filter: Filter, value: string): void;
  clear(): void;
  children: ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia(WIDE_SCREEN).matches);
  const fieldsId = useId();
  const options = useMemo(() => filterOptions(props.sessions, i18n), [props.sessions, i18n]);
  const labels: Record<Filter, { label: string; any: string }> = {
    programme: { label: t.schedule.programme, any: t.schedule.anyProgramme },
    place: { label: t.schedule.place, any: t.schedule.anyPlace },
    day: { label: t.schedule.day, any: t.schedule.anyDay },
    language: { label: t.schedule.language, any: t.schedule.anyLanguage },
  };
  const activeCount = FILTERS.filter((filter) => props.chosen[filter]).length;
  const active = activeCount > 0;
  return (
    <form role="search" aria-labelledby="filters-heading" className="filters" onSubmit={(event) => event.preventDefault()}>
      <div className="filters__bar">
        <h2 className="filters__heading">
          <button
            type="button"
            id="filters-heading"
            className="filters__toggle"
            aria-expanded={open}
            aria-controls={fieldsId}
            onClick={() => setOpen((previous) => !previous)}
          >
            <span className="filters__toggle-label">{t.schedule.filtersHeading}</span>
            {active && <span className="filters__count"> {i18n.plural(t.scheduleMore.activeFilters, activeCount)}</span>}
          </button>
        </h2>
        {props.children}
      </div>
      <div id={fieldsId} className="filters__fields" hidden={!open}>
        {FILTERS.map((filter) => (
          <div key={filter} className="field">
            <label htmlFor={`filter-${filter}`}>{labels[filter].label}</label>
            <select id={`filter-${filter}`} value={props.chosen[filter]} onChange={(event) => props.choose(filter, event.target.value)}>
              <option value="">{labels[filter].any}</option>
              {options[filter].map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {active && (
        <button type="button" className="button--secondary" onClick={props.clear}>
          {t.schedule.clearFilters}
        </button>
      )}
    </form>
  );
}

/** Only what occurs in the two weeks: no filter leads to an empty page by itself. */
function filterOptions(sessions: ScheduleSession[], i18n: I18n): Record<Filter, Option[]> {
  const unique = (entries: [string, string][]) => [...new Map(entries)].map(([value, label]) => ({ value, label }));
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, i18n.info.locales);
  const days = new Map(sessions.map((session) => [brusselsDay(new Date(session.startsAt)), session.startsAt]));
  return {
    programme: unique(sessions.map((s) => [s.programme.id, s.programme.name])).sort(byLabel),
    place: unique(sessions.map((s) => [s.venue.organisation.id, s.venue.organisation.name])).sort(byLabel),
    // Sessions come in start order, so the days do too.
    day: [...days].map(([day, startsAt]) => ({ value: day, label: i18n.formatDay(new Date(startsAt)) })),
    language: unique(sessions.flatMap((s) => s.helpLanguages.map((tag): [string, string] => [tag, i18n.languageName(tag)]))).sort(byLabel),
  };
}

interface WeekGroup {
  key: 'this' | 'next';
  days: { day: string; sessions: ScheduleSession[] }[];
}

function groupByWeekAndDay(sessions: ScheduleSession[], nextWeekStarts: string): WeekGroup[] {
  const weeks: WeekGroup[] = [];
  for (const session of sessions) {
    const day = brusselsDay(new Date(session.startsAt));
    const key = day < nextWeekStarts ? 'this' : 'next';
    let week = weeks.at(-1);
    if (week?.key !== key) weeks.push((week = { key, days: [] }));
    let group = week.days.at(-1);
    if (group?.day !== day) week.days.push((group = { day, sessions: [] }));
    group.sessions.push(session);
  }
  return weeks;
}
