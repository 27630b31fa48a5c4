import type { Pool } from 'pg';
import { encodeCursor } from '@app/common';
import { loadPersistedQueries } from '../../apps/api/src/graphql/persisted-queries';
import type { StatementCounter } from './statements';

/**
 * The public schedule as the web app asks for it (apps/web/src/graphql/public-operations.ts,
 * PublicSchedule: up to 100 sessions of a window with seat counts, help languages, programme,
 * venue and organisation), and a plain-pg baseline of the same answer. Shared by the benchmarks
 * of the public schedule, so the baseline is written once.
 */
export const PUBLIC_SCHEDULE_PAGE = 100;

/** The web app's persisted id of PublicSchedule and its document, from the API's manifest. */
export function publicSchedulePersisted(): { id: string; document: string } {
  for (const [id, document] of loadPersistedQueries()) if (document.includes('query PublicSchedule(')) return { id, document };
  throw new Error('PublicSchedule is not in the persisted-query manifest');
}

export interface PublicScheduleSession {
  id: string;
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  status: string;
  helpLanguages: string[];
  availableSeats: number;
  waitlistCount: number;
  programme: { id: string; name: string; languages: string[] };
  venue: { id: string; name: string; organisation: { id: string; name: string } };
}

export interface PublicSchedulePage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: PublicScheduleSession }[];
}

/**
 * One statement, as a competent hand-written implementation with plain `pg` would send it: the
 * window's sessions joined to programme, venue and organisation, the seat counts of each (as the
 * API counts them: seated statuses not beyond capacity, and the waiting list) and the hosts'
 * volunteer languages, LIMIT page + 1 to learn whether there is a next page. Help languages are
 * the programme's then the hosts', without Dutch, each once (as the API's helpLanguages).
 */
const PUBLIC_SCHEDULE_SQL = `
SELECT s.id, s.title, s.starts_at, s.ends_at, s.status, s.capacity,
       p.id AS programme_id, p.name AS programme_name, p.languages AS programme_languages,
       v.id AS venue_id, v.name AS venue_name, o.id AS organisation_id, o.name AS organisation_name,
       coalesce(c.seated, 0) AS seated, coalesce(c.waitlisted, 0) AS waitlisted,
       coalesce(h.languages, '{}') AS host_languages
  FROM session s
  JOIN programme p ON p.id = s.programme_id
  JOIN venue v ON v.id = s.venue_id
  JOIN organisation o ON o.id = v.organisation_id
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE r.status IN ('CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW') AND NOT r.beyond_capacity)::int AS seated,
           count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
      FROM registration r WHERE r.session_id = s.id) c ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(l ORDER BY sh.user_id, ord) AS languages
      FROM session_host sh JOIN volunteer_profile vp ON vp.user_id = sh.user_id, unnest(vp.languages) WITH ORDINALITY AS u(l, ord)
     WHERE sh.session_id = s.id) h ON true
 WHERE s.ends_at > $1 AND s.starts_at < $2
 ORDER BY s.starts_at, s.id
 LIMIT ${PUBLIC_SCHEDULE_PAGE + 1}`;

const helpLanguages = (programme: readonly string[], hosts: readonly string[]) => [
  ...new Set([...programme, ...hosts].map((tag) => tag.trim()).filter((tag) => tag && tag.toLowerCase() !== 'nl')),
];

export function publicSchedulePg(pool: Pool, from: Date, to: Date, statements: StatementCounter): () => Promise<PublicSchedulePage> {
  return async () => {
    statements.logQuery(PUBLIC_SCHEDULE_SQL);
    const { rows } = await pool.query(PUBLIC_SCHEDULE_SQL, [from, to]);
    const page = rows.slice(0, PUBLIC_SCHEDULE_PAGE);
    const last = page.at(-1);
    return {
      pageInfo: { hasNextPage: rows.length > PUBLIC_SCHEDULE_PAGE, endCursor: last ? encodeCursor(last.starts_at, last.id) : null },
      edges: page.map((s) => ({
        node: {
          id: s.id,
          title: s.title,
          startsAt: s.starts_at,
          endsAt: s.ends_at,
          status: s.status,
          helpLanguages: helpLanguages(s.programme_languages, s.host_languages),
          availableSeats: Math.max(0, s.capacity - s.seated),
          waitlistCount: s.waitlisted,
          programme: { id: s.programme_id, name: s.programme_name, languages: s.programme_languages },
          venue: { id: s.venue_id, name: s.venue_name, organisation: { id: s.organisation_id, name: s.organisation_name } },
        },
      })),
    };
  };
}

/** Instants as numbers, help languages as a set (their order among hosts is not part of the answer): what both sides must agree on. */
export function normalisePublicSchedule(page: PublicSchedulePage): unknown {
  return {
    pageInfo: page.pageInfo,
    edges: page.edges.map(({ node }) => ({
      node: { ...node, startsAt: new Date(node.startsAt).getTime(), endsAt: new Date(node.endsAt).getTime(), helpLanguages: [...node.helpLanguages].sort() },
    })),
  };
}
