import { Link } from 'wouter';
import { usePageTitle } from '../../../components/page-title';
import { useStaffQuery } from '../../data';
import { languageOptions } from '../../sessions/participant-choices';
import { useStaffI18n } from '../../staff-strings';
import { DialogButton } from '../../ui/confirm-dialog';
import { QueryStatus } from '../../ui/query-status';
import { formatDay } from './case-card';
import { EditCaseForm } from './edit-case-form';
import { FollowUps } from './follow-ups';
import { CASE_QUERY, type CaseDetails, fullName } from './queries';
import { MoveCaseButton } from './status-form';
import './cases.css';

/** /staff/picnik/cases/:id: everything of one case, its history and its follow-ups. */
export function CasePage(props: { id: string }) {
  const { s } = useStaffI18n();
  const found = useStaffQuery(CASE_QUERY, { id: props.id });
  const trajectory = found.data?.trajectory;
  usePageTitle(trajectory ? fullName(trajectory.participant) : s.picnik.board.title);
  return (
    <>
      <p>
        <Link href="/">{s.picnik.case.back}</Link>
      </p>
      <QueryStatus query={found}>
        {(data) => (data.trajectory ? <CaseView trajectory={data.trajectory} /> : <p role="alert">{s.picnik.case.notFound}</p>)}
      </QueryStatus>
    </>
  );
}

function CaseView(props: { trajectory: CaseDetails }) {
  const { s, format, language } = useStaffI18n();
  const t = s.picnik.case;
  const { trajectory } = props;
  const name = fullName(trajectory.participant);
  const languageName = languageOptions(language).find((option) => option.id === trajectory.participant.preferredLanguage)?.label;
  const matched = trajectory.buddy || trajectory.hostOrganisation;
  return (
    <>
      <h1>{format(t.title, { name })}</h1>
      <div className="case__actions">
        <MoveCaseButton id={trajectory.id} status={trajectory.status} name={name} label={t.changeStatus} />
        <DialogButton label={t.edit} title={t.edit}>
          {(close) => <EditCaseForm trajectory={trajectory} onSaved={close} />}
        </DialogButton>
        {(trajectory.status === 'INTAKE' || trajectory.status === 'MATCHED') && (
          <Link href={`/cases/${trajectory.id}/match`}>{matched ? t.changeMatch : t.match}</Link>
        )}
      </div>
      <h2>{t.details}</h2>
      <dl className="case__details">
        <dt>{t.status}</dt>
        <dd>{s.picnik.statuses[trajectory.status]}</dd>
        {trajectory.outcome && (
          <>
            <dt>{t.outcome}</dt>
            <dd>{s.picnik.outcomes[trajectory.outcome]}</dd>
          </>
        )}
        <dt>{t.participant}</dt>
        <dd>{name}</dd>
        <dt>{t.language}</dt>
        <dd>{languageName ?? trajectory.participant.preferredLanguage}</dd>
        <dt>{t.contactChannel}</dt>
        <dd>{s.sessions.channels[trajectory.participant.contactChannel]}</dd>
        <dt>{t.phone}</dt>
        <dd>{trajectory.participant.phone ?? t.none}</dd>
        <dt>{t.kind}</dt>
        <dd>{s.picnik.kinds[trajectory.kind]}</dd>
        <dt>{t.referralChannel}</dt>
        <dd>{s.picnik.channels[trajectory.referralChannel]}</dd>
        <dt>{t.buddy}</dt>
        <dd>{trajectory.buddy?.displayName ?? t.none}</dd>
        <dt>{t.host}</dt>
        <dd>{trajectory.hostOrganisation?.name ?? t.none}</dd>
        <dt>{t.startsOn}</dt>
        <dd>{formatDay(trajectory.startsOn, language)}</dd>
        <dt>{t.endsOn}</dt>
        <dd>{trajectory.endsOn ? formatDay(trajectory.endsOn, language) : t.none}</dd>
        <dt>{t.notes}</dt>
        <dd className="case__notes">{trajectory.notes ?? t.none}</dd>
      </dl>
      <FollowUps trajectory={trajectory} />
      <History trajectory={trajectory} />
    </>
  );
}

function History(props: { trajectory: CaseDetails }) {
  const { s, language } = useStaffI18n();
  const t = s.picnik.case;
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });
  return (
    <section aria-labelledby="case-history">
      <h2 id="case-history">{t.history}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.change}</th>
              <th scope="col">{t.by}</th>
              <th scope="col">{t.note}</th>
            </tr>
          </thead>
          <tbody>
            {props.trajectory.history.map((change, index) => (
              <tr key={index}>
                <td>{when.format(new Date(change.createdAt))}</td>
                <td>
                  {change.fromStatus ? `${s.picnik.statuses[change.fromStatus]} → ` : ''}
                  {s.picnik.statuses[change.toStatus]}
                </td>
                <td>{change.by?.displayName ?? t.unknownPerson}</td>
                <td>{change.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
