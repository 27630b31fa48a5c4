import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { type BarChartWords, type BarGroup, BarChart } from '../../components/bar-chart';
import { downloadCsv } from '../../components/download';
import { LoadError, Loading } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { request } from '../../graphql/client';
import { explainError, FORMS, sayError } from '../../graphql/form-errors';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';
import { defaultPeriod, type MonthPeriod, monthName, periodDates } from './period';

const REPORTS_QUERY = graphql(`
  query CoordinatorReports($from: Date!, $to: Date!) {
    programmeReport(from: $from, to: $to) {
      programmeId
      programmeName
      month
      sessionsHeld
      seatsOffered
      confirmed
      attended
      walkIns
      noShows
      waitlisted
      childrenConfirmed
      childrenAttended
    }
    trajectoryReport(from: $from, to: $to) {
      total
      byKind {
        key
        count
      }
      byReferralChannel {
        key
        count
      }
    }
  }
`);

const PROGRAMME_CSV_QUERY = graphql(`
  query ProgrammeReportCsv($from: Date!, $to: Date!) {
    programmeReportCsv(from: $from, to: $to)
  }
`);

const TRAJECTORY_CSV_QUERY = graphql(`
  query TrajectoryReportCsv($from: Date!, $to: Date!) {
    trajectoryReportCsv(from: $from, to: $to)
  }
`);

type Reports = ResultOf<typeof REPORTS_QUERY>;

/** Reports for a period of whole months: attendance per programme and month, Picnik trajectories; CSV downloads. */
export function ReportsPage() {
  const { t } = useI18n();
  usePageTitle(t.coordinator.reportsTitle);
  const [period, setPeriod] = useState<MonthPeriod>(() => defaultPeriod(new Date()));
  const dates = useMemo(() => periodDates(period), [period]);
  const result = useQuery(REPORTS_QUERY, dates);

  return (
    <>
      <p className="back-link">
        <Link href="/coordinator">{t.coordinator.backToOverview}</Link>
      </p>
      <h1>{t.coordinator.reportsTitle}</h1>
      <p>{t.coordinator.reportsIntro}</p>
      <PeriodPicker period={period} onChange={setPeriod} />
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <LoadError retry={result.retry} />}
      {result.status === 'done' && (
        <>
          <Attendance rows={result.data.programmeReport} />
          <Trajectories report={result.data.trajectoryReport} />
          <Downloads period={period} />
        </>
      )}
    </>
  );
}

function PeriodPicker(props: { period: MonthPeriod; onChange(period: MonthPeriod): void }) {
  const { t } = useI18n();
  const [error, setError] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const period = { from: String(form.get('from')), to: String(form.get('to')) };
    const valid = /^\d{4}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}$/.test(period.to) && period.from <= period.to;
    setError(!valid);
    if (valid) props.onChange(period);
  };
  return (
    <form className="filters period" onSubmit={submit} aria-labelledby="period-heading">
      <h2 id="period-heading" className="filters__heading">
        {t.coordinator.periodHeading}
      </h2>
      <div className="filters__fields">
        <div className="field">
          <label htmlFor="period-from">{t.coordinator.fromMonth}</label>
          <input id="period-from" name="from" type="month" required defaultValue={props.period.from} />
        </div>
        <div className="field">
          <label htmlFor="period-to">{t.coordinator.toMonth}</label>
          <input id="period-to" name="to" type="month" required defaultValue={props.period.to} />
        </div>
      </div>
      {error && (
        <p role="alert" className="notice notice--error">
          {t.coordinator.badPeriod}
        </p>
      )}
      <p>
        <button type="submit">{t.coordinator.showPeriod}</button>
      </p>
    </form>
  );
}

/** The bar chart in the public site's language (and direction). */
function useChartWords(): BarChartWords {
  const { t, format, info } = useI18n();
  return { bar: (label, value) => format(t.coordinator.bar, { label, value }), number: (value) => format('{value}', { value }), rtl: info.dir === 'rtl' };
}

function Attendance(props: { rows: Reports['programmeReport'] }) {
  const { t, format, info } = useI18n();
  const words = useChartWords();
  const months = [...new Set(props.rows.map((row) => row.month))].sort();
  const groups: BarGroup[] = months.map((month) => ({
    label: monthName(month, info.locales),
    bars: props.rows.filter((row) => row.month === month).map((row) => ({ label: row.programmeName, value: row.attended })),
  }));
  const number = (value: number) => format('{value}', { value });
  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t.coordinator.attendanceHeading}</h2>
      {props.rows.length === 0 ? (
        <p className="notice">{t.coordinator.noData}</p>
      ) : (
        <>
          <BarChart
            id="attendance-chart"
            title={t.coordinator.attendanceHeading}
            description={t.coordinator.attendanceDescription}
            groups={groups}
            words={words}
          />
          <div className="table-scroll" role="region" aria-labelledby="attendance-heading" tabIndex={0}>
            <table id="attendance-table" className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.coordinator.month}</th>
                  <th scope="col">{t.coordinator.programme}</th>
                  <th scope="col">{t.coordinator.sessionsHeld}</th>
                  <th scope="col">{t.coordinator.seatsOffered}</th>
                  <th scope="col">{t.coordinator.confirmed}</th>
                  <th scope="col">{t.coordinator.attended}</th>
                  <th scope="col">{t.walkIn.reportColumn}</th>
                  <th scope="col">{t.coordinator.noShows}</th>
                  <th scope="col">{t.coordinator.waitlisted}</th>
                  <th scope="col">{t.coordinator.childrenConfirmed}</th>
                  <th scope="col">{t.coordinator.childrenAttended}</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((row) => (
                  <tr key={`${row.month}-${row.programmeId}`}>
                    <td>{monthName(row.month, info.locales)}</td>
                    <th scope="row">{row.programmeName}</th>
                    <td>{number(row.sessionsHeld)}</td>
                    <td>{number(row.seatsOffered)}</td>
                    <td>{number(row.confirmed)}</td>
                    <td>{number(row.attended)}</td>
                    <td>{number(row.walkIns)}</td>
                    <td>{number(row.noShows)}</td>
                    <td>{number(row.waitlisted)}</td>
                    <td>{number(row.childrenConfirmed)}</td>
                    <td>{number(row.childrenAttended)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Trajectories(props: { report: Reports['trajectoryReport'] }) {
  const { t, plural } = useI18n();
  const words = useChartWords();
  const { report } = props;
  // Only what happened: a kind or channel with no trajectory is no bar.
  const byKind = report.byKind.filter((row) => row.count > 0).map((row) => ({ label: t.coordinator.trajectoryKinds[row.key], value: row.count }));
  const byReferral = report.byReferralChannel
    .filter((row) => row.count > 0)
    .map((row) => ({ label: t.coordinator.referralChannels[row.key], value: row.count }));
  return (
    <section aria-labelledby="trajectories-heading">
      <h2 id="trajectories-heading">{t.coordinator.trajectoriesHeading}</h2>
      <p id="trajectories-total">{plural(t.coordinator.trajectoriesTotal, report.total)}</p>
      {report.total > 0 && (
        <div className="columns">
          <BarChart id="kind-chart" title={t.coordinator.byKind} description={t.coordinator.trajectoriesHeading} groups={[{ bars: byKind }]} words={words} />
          <BarChart
            id="referral-chart"
            title={t.coordinator.byReferral}
            description={t.coordinator.trajectoriesHeading}
            groups={[{ bars: byReferral }]}
            words={words}
          />
        </div>
      )}
    </section>
  );
}

function Downloads(props: { period: MonthPeriod }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [failed, setFailed] = useState<string | null>(null);
  const dates = periodDates(props.period);
  const suffix = `${props.period.from}-${props.period.to}`;
  const download = async (kind: 'programmes' | 'trajectories') => {
    setFailed(null);
    try {
      const csv =
        kind === 'programmes'
          ? (await request(PROGRAMME_CSV_QUERY, dates)).programmeReportCsv
          : (await request(TRAJECTORY_CSV_QUERY, dates)).trajectoryReportCsv;
      downloadCsv(`oefenkansen-${kind}-${suffix}.csv`, csv);
    } catch (error) {
      setFailed(sayError(explainError(error, FORMS.coordinatorDownload), i18n));
    }
  };
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{t.coordinator.downloadsHeading}</h2>
      <div role="status" aria-live="polite">
        {failed && <p className="notice notice--error">{failed}</p>}
      </div>
      <p className="button-row">
        <button type="button" className="button--secondary" onClick={() => void download('programmes')}>
          {t.coordinator.downloadProgrammes}
        </button>
        <button type="button" className="button--secondary" onClick={() => void download('trajectories')}>
          {t.coordinator.downloadTrajectories}
        </button>
      </p>
    </section>
  );
}
