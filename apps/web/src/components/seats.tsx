import { useI18n } from '../i18n/i18n';

/** Free seats, or "full" with the length of the waiting list. */
export function Seats(props: { availableSeats: number; waitlistCount: number }) {
  const { t, plural, joinPieces } = useI18n();
  if (props.availableSeats > 0) return <p className="seats seats--free">{plural(t.schedule.seatsFree, props.availableSeats)}</p>;
  return <p className="seats seats--full">{joinPieces([t.schedule.full, props.waitlistCount > 0 && plural(t.schedule.waitlist, props.waitlistCount)])}</p>;
}
