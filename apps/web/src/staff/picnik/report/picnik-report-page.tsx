import { useState } from 'react';
import { downloadCsv } from '../../../components/download';
import { usePageTitle } from '../../../components/page-title';
import { request } from '../../../graphql/client';
import { brusselsDay } from '../../../time';
import { useStaffQuery } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { QueryStatus } from '../../ui/query-status';
import { CountSection } from './count-section';
import { type Period, PeriodForm, thisYear } from './period-form';
import { PicnikTabs } from './picnik-tabs';
import { TRAJECTORY_REPORT, TRAJECTORY_REPORT_CSV, type TrajectoryReport } from './queries';
import './report.css';

/** The Picnik trajectory report for any period: total, by kind, referral, status and (closed ones) outcome, as charts and tables, and as CSV. */
export function PicnikReportPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.picnikReport.title);
  const today = brusselsDay(new Date());
  const [period, setPeriod] = useState<Period>(() => thisYear(today));
  const report = useStaffQuery(TRAJECTORY_REPORT, period);
  return (
    <>
      <PicnikTabs />
      <h1>{s.picnikReport.title}</h1>
      <p>{s.picnikReport.report.intro}</p>
      <PeriodForm period={period} today={today} onChange={setPeriod} />
      <QueryStatus query={report}>{(data) => <Figures report={data.trajectoryReport} />}</QueryStatus>
      <Download period={period} />
    </>
  );
}

function Figures(props: { report: TrajectoryReport }) {
  const { s, format, language } = useStaffI18n();
  const { report } = props;
  const day = (iso: string) =>
    new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  return (
    <div className="picnik-report__figures">
      <p className="picnik-report__shown">{format(s.picnikReport.report.shown, { from: day(report.from), to: day(report.to) })}</p>
      <p id="report-total" className="picnik-report__total" data-total={report.total} aria-live="polite">
        {format(s.picnikReport.report.total, { count: report.total })}
      </p>
      <div className="picnik-report__dimensions">
        <CountSection
          id="by-kind"
          title={s.picnikReport.report.byKind}
          column={s.picnikReport.report.kind}
          counts={report.byKind.map((row) => ({ key: row.key, label: s.picnikReport.kinds[row.key], count: row.count }))}
        />
        <CountSection
          id="by-referral"
          title={s.picnikReport.report.byReferral}
          column={s.picnikReport.report.referral}
          counts={report.byReferralChannel.map((row) => ({
            key: row.key,
            label: s.picnikReport.channels[row.key],
            shortLabel: s.picnikReport.channelsShort[row.key],
            count: row.count,
          }))}
        />
        <CountSection
          id="by-status"
          title={s.picnikReport.report.byStatus}
          column={s.picnikReport.report.status}
          counts={report.byStatus.map((row) => ({ key: row.key, label: s.picnikReport.statuses[row.key], count: row.count }))}
        />
        <CountSection
          id="by-outcome"
          title={s.picnikReport.report.byOutcome}
          column={s.picnikReport.report.outcome}
          counts={report.byOutcome.map((row) => ({ key: row.key, label: s.picnikReport.outcomes[row.key], count: row.count }))}
        />
      </div>
    </div>
  );
}

/** The same figures as the API's CSV (its text exactly), fetched with the signed-in token. */
function Download(props: { period: Period }) {
  const { s, format } = useStaffI18n();
  const [state, setState] = useState<{ ok: boolean; file: string } | null>(null);
  const download = async () => {
    setState(null);
    const file = `picnik-trajecten-${props.period.from}-${props.period.to}.csv`;
    try {
      const { trajectoryReportCsv } = await request(TRAJECTORY_REPORT_CSV, props.period);
      downloadCsv(file, trajectoryReportCsv);
      setState({ ok: true, file });
    } catch {
      setState({ ok: false, file });
    }
  };
  return (
    <section className="picnik-report__download" aria-label={s.picnikReport.report.download}>
      <button type="button" className="button--secondary" onClick={() => void download()}>
        {s.picnikReport.report.download}
      </button>
      <div role="status" aria-live="polite">
        {state && (
          <p className={state.ok ? 'notice notice--ok' : 'notice notice--error'}>
            {state.ok ? format(s.picnikReport.report.downloaded, { file: state.file }) : s.picnikReport.report.downloadFailed}
          </p>
        )}
      </div>
    </section>
  );
}
