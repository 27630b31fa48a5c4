import { BarChart } from '../../../components/bar-chart';
import { useStaffI18n } from '../../staff-strings';
import { useStaffChartWords } from './chart-words';
import type { MeetingMonth } from './queries';

/** "december 2026" in the staff language. */
export function monthName(month: string, language: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, index - 1, 15)));
}

/** Attendance at the meetings per month (the programme report's figures), as a chart and a table. */
export function MeetingMonths(props: { months: MeetingMonth[] }) {
  const { s, format, language } = useStaffI18n();
  const words = useStaffChartWords();
  const number = (value: number) => format('{value}', { value });
  const bars = props.months.map((row) => ({ label: monthName(row.month, language), value: row.attended }));
  return (
    <section aria-labelledby="months-heading">
      <h2 id="months-heading">{s.picnikReport.meetings.months}</h2>
      {props.months.length === 0 ? (
        <p className="notice">{s.picnikReport.meetings.noMonths}</p>
      ) : (
        <>
          <BarChart
            id="months-chart"
            title={s.picnikReport.meetings.months}
            description={s.picnikReport.meetings.monthsDescription}
            groups={[{ bars }]}
            words={words}
          />
          <div className="table-scroll" role="region" aria-labelledby="months-heading" tabIndex={0}>
            <table id="months-table" className="data-table" aria-labelledby="months-heading">
              <thead>
                <tr>
                  <th scope="col">{s.picnikReport.meetings.month}</th>
                  <th scope="col">{s.picnikReport.meetings.sessionsHeld}</th>
                  <th scope="col">{s.picnikReport.meetings.confirmed}</th>
                  <th scope="col">{s.picnikReport.meetings.attended}</th>
                  <th scope="col">{s.picnikReport.meetings.noShows}</th>
                </tr>
              </thead>
              <tbody>
                {props.months.map((row) => (
                  <tr key={row.month} data-month={row.month}>
                    <th scope="row">{monthName(row.month, language)}</th>
                    <td>{number(row.sessionsHeld)}</td>
                    <td>{number(row.confirmed)}</td>
                    <td data-attended={row.attended}>{number(row.attended)}</td>
                    <td>{number(row.noShows)}</td>
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
