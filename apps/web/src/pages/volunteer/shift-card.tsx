import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

type Role = 'BUDDY' | 'CHILDCARE' | 'COOKING' | 'HOST' | 'SETUP' | 'TRANSLATOR' | 'WELCOME';

/** One shift as a card: when first (what a volunteer plans around), then what and where; the actions come as children. */
export function ShiftCard(props: {
  shift: { title: string; role: Role; startsAt: string; endsAt: string; session: { venue: { name: string } } | null };
  children: ReactNode;
}) {
  const i18n = useI18n();
  const { shift } = props;
  const startsAt = new Date(shift.startsAt);
  return (
    <li className="session-card shift-card">
      <h3 className="session-card__title">{i18n.formatWhen(startsAt, new Date(shift.endsAt))}</h3>
      <p className="shift-card__what">{shift.title}</p>
      <p className="muted">{i18n.joinPieces([i18n.t.volunteer.roles[shift.role], shift.session?.venue.name])}</p>
      {props.children}
    </li>
  );
}
