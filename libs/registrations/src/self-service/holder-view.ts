import type { ParticipantEntity } from '../entities';
import { type ParticipantView, restrictedView } from '../participants/participant-view';

/**
 * The holder of a personal link reads their own first name and language (the page speaks it) and
 * nothing else of their record: no surname, contact details or history. A link may be forwarded or
 * read over a shoulder, so it must not become a way to look someone up.
 */
export function holderView(participant: ParticipantEntity): ParticipantView {
  return { ...restrictedView(participant), preferredLanguage: participant.preferredLanguage };
}
