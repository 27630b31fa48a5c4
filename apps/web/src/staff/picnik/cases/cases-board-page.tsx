import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { usePageTitle } from '../../../components/page-title';
import { useStaffQuery } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { QueryStatus } from '../../ui/query-status';
import { CaseCard } from './case-card';
import { CaseFilter, FilterCheckbox } from './filters';
import {
  brusselsToday,
  CASE_CHOICES_QUERY,
  CASES_QUERY,
  type CaseKind,
  type CaseRow,
  KINDS,
  REFERRAL_CHANNELS,
  type ReferralChannel,
  STATUSES,
} from './queries';
import './cases.css';

type View = 'columns' | 'list';

/** /staff/picnik: the cases by status, as columns (wide screens) or one list, with filters; ?followUpDue=1 from the dashboard. */
export function CasesBoardPage() {
  const { s, format } = useStaffI18n();
  const t = s.picnik.board;
  usePageTitle(t.title);
  const params = new URLSearchParams(useSearch());
  const [kind, setKind] = useState('');
  const [channel, setChannel] = useState('');
  const [buddy, setBuddy] = useState('');
  const [host, setHost] = useState('');
  const [followUpDue, setFollowUpDue] = useState(params.get('followUpDue') === '1');
  const [view, setView] = useState<View>('columns');
  const choices = useStaffQuery(CASE_CHOICES_QUERY, {});
  const cases = useStaffQuery(CASES_QUERY, {
    filter: {
      kind: (kind || null) as CaseKind | null,
      referralChannel: (channel || null) as ReferralChannel | null,
      buddyId: buddy || null,
      hostOrganisationId: host || null,
      followUpDue: followUpDue || null,
    },
  });
  const today = brusselsToday();
  return (
    <>
      <h1>{t.title}</h1>
      <div className="toolbar">
        <Link href="/new" className="cases__new">
          {t.new}
        </Link>
        <Link href="/report">{t.report}</Link>
        <Link href="/meetings">{t.meetings}</Link>
      </div>
      <section aria-label={t.filters} className="cases__filters">
        <CaseFilter label={t.kind} value={kind} onChange={setKind} options={KINDS.map((id) => ({ id, label: s.picnik.kinds[id] }))} />
        <CaseFilter
          label={t.referralChannel}
          value={channel}
          onChange={setChannel}
          options={REFERRAL_CHANNELS.map((id) => ({ id, label: s.picnik.channels[id] }))}
        />
        <CaseFilter
          label={t.buddy}
          value={buddy}
          onChange={setBuddy}
          options={(choices.data?.volunteers ?? []).map((volunteer) => ({ id: volunteer.id, label: volunteer.displayName }))}
        />
        <CaseFilter
          label={t.host}
          value={host}
          onChange={setHost}
          options={(choices.data?.organisations ?? []).map((organisation) => ({ id: organisation.id, label: organisation.name }))}
        />
        <FilterCheckbox label={t.followUpDue} value={followUpDue} onChange={setFollowUpDue} />
        <fieldset className="cases__view">
          <legend>{t.view}</legend>
          {(['columns', 'list'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="cases-view" checked={view === option} onChange={() => setView(option)} />
              {option === 'columns' ? t.asColumns : t.asList}
            </label>
          ))}
        </fieldset>
      </section>
      <QueryStatus query={cases}>
        {(data) => (
          <>
            <p role="status" className="cases__count">
              {format(t.count, { count: data.trajectories.length })}
            </p>
            {view === 'columns' ? <Columns cases={data.trajectories} today={today} /> : <CaseList cases={data.trajectories} today={today} />}
          </>
        )}
      </QueryStatus>
    </>
  );
}

/** One column per status; on a phone they stack (cases.css), in the order a case moves. */
function Columns(props: { cases: readonly CaseRow[]; today: string }) {
  const { s, format } = useStaffI18n();
  return (
    <div className="cases__columns">
      {STATUSES.map((status) => {
        const inColumn = props.cases.filter((row) => row.status === status);
        return (
          <section key={status} className="cases__column" aria-labelledby={`cases-column-${status}`}>
            <h2 id={`cases-column-${status}`}>
              {s.picnik.statuses[status]} <span className="cases__column-count">({format(s.picnik.board.count, { count: inColumn.length })})</span>
            </h2>
            {inColumn.length === 0 ? (
              <p className="cases__empty">{s.picnik.board.columnEmpty}</p>
            ) : (
              <ul className="cases__cards">
                {inColumn.map((row) => (
                  <li key={row.id}>
                    <CaseCard row={row} today={props.today} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function CaseList(props: { cases: readonly CaseRow[]; today: string }) {
  const { s } = useStaffI18n();
  if (props.cases.length === 0) return <p className="cases__empty">{s.picnik.board.columnEmpty}</p>;
  return (
    <ul className="cases__cards cases__cards--list">
      {props.cases.map((row) => (
        <li key={row.id}>
          <CaseCard row={row} today={props.today} showStatus />
        </li>
      ))}
    </ul>
  );
}
