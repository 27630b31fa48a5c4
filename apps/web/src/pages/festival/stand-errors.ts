import { GraphQLRequestError } from '../../graphql/client';
import type { I18n } from '../../i18n/i18n';

/** What STAND_UNAVAILABLE tells about the slot that is in the way (libs/festival explainOverlap). */
interface Conflict {
  startsAt: string;
  endsAt: string;
}

function conflictOf(error: GraphQLRequestError): { plotCode: string; conflict: Conflict } | null {
  const { plotCode, conflict } = error.extensions as { plotCode?: unknown; conflict?: Partial<Conflict> };
  return typeof plotCode === 'string' && typeof conflict?.startsAt === 'string' && typeof conflict.endsAt === 'string'
    ? { plotCode, conflict: { startsAt: conflict.startsAt, endsAt: conflict.endsAt } }
    : null;
}

/** The API's refusal of a booking or a move, as a plain sentence in the visitor's language. */
export function standErrorMessage(error: unknown, i18n: I18n): string {
  const { t, format } = i18n;
  if (!(error instanceof GraphQLRequestError)) return t.loadError;
  switch (error.code) {
    case 'STAND_UNAVAILABLE': {
      if (error.extensions.reason === 'PLOT_INACTIVE') return t.festival.errorClosed;
      const taken = conflictOf(error);
      if (!taken) return t.festival.errorTakenNow;
      const [startsAt, endsAt] = [new Date(taken.conflict.startsAt), new Date(taken.conflict.endsAt)];
      return format(t.festival.errorTaken, { plot: format(t.festival.plotCode, { code: taken.plotCode }), day: i18n.formatDay(startsAt), time: i18n.formatTimeRange(startsAt, endsAt) });
    }
    case 'OUTSIDE_OPENING_HOURS':
      return t.festival.errorHours;
    case 'DEADLINE_PASSED':
      return t.festival.errorDeadline;
    case 'STAND_LIMIT_REACHED':
      return format(t.festival.errorLimit, { limit: Number(error.extensions.limit) });
    default:
      return t.loadError;
  }
}
