import { Link } from 'wouter';
import { useStaffI18n } from '../../staff-strings';
import { type CaseRow, fullName, isFollowUpDue } from './queries';
import { MoveCaseButton } from './status-form';

/** A case on the board: who, what kind, with whom, since when, and whether a follow-up is due; opens the case or moves it. */
export function CaseCard(props: { row: CaseRow; today: string; showStatus?: boolean }) {
  const { s, format, language } = useStaffI18n();
  const t = s.picnik.board;
  const { row } = props;
  const name = fullName(row.participant);
  const partner = [row.buddy?.displayName, row.hostOrganisation?.name].filter(Boolean).join(' · ');
  const due = isFollowUpDue(row.followUps, props.today);
  return (
    <article className="cases__card" aria-labelledby={`case-${row.id}`}>
      <h3 id={`case-${row.id}`} className="cases__card-name">
        <Link href={`/cases/${row.id}`}>{name}</Link>
      </h3>
      <p className="cases__card-line">
        {s.picnik.kinds[row.kind]} · {partner || t.noMatch}
      </p>
      <p className="cases__card-line">{format(t.starts, { date: formatDay(row.startsOn, language) })}</p>
      {props.showStatus && <p className="cases__card-line">{format(t.status, { status: s.picnik.statuses[row.status] })}</p>}
      {due && <p className="cases__badge">{t.dueBadge}</p>}
      <MoveCaseButton id={row.id} status={row.status} name={name} />
    </article>
  );
}

/** "3 sep. 2026" in the reader's language; the API's dates are plain days. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
