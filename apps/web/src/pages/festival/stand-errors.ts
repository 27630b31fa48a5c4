import { GraphQLRequestError } from '../../graphql/client';
import { explainError, FORMS, sayError } from '../../graphql/form-errors';
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
  if (!(error instanceof GraphQLRequestError)) return sayError(explainError(error, FORMS.standRequest), i18n);
  switch (error.code) {
    case 'STAND_UNAVAILABLE': {
      if (error.extensions.reason === 'PLOT_INACTIVE') return t.festival.errorClosed;
      const taken = conflictOf(error);
      if (!taken) return t.festival.errorTakenNow;
      const [startsAt, endsAt] = [new Date(taken.conflict.startsAt), new Date(taken.conflict.endsAt)];
      return format(t.festival.errorTaken, {
        plot: format(t.festival.plotCode, { code: taken.plotCode }),
        day: i18n.formatDay(startsAt),
        time: i18n.formatTimeRange(startsAt, endsAt),
      });
    }
    default:
      return sayError(explainError(error, FORMS.standRequest), i18n);
  }
}
