import { BarChart } from '../../../components/bar-chart';
import { useStaffI18n } from '../../staff-strings';
import { useStaffChartWords } from './chart-words';

export interface Count {
  key: string;
  label: string;
  /** A shorter name for the chart's narrow label column (the table has the full one). */
  shortLabel?: string;
  count: number;
}

/**
 * One dimension of the report as a chart and as a table with the same figures: the chart for the
 * eye, the table for a screen reader and for copying. Every category is in the table (0 too); the
 * chart leaves out what did not happen.
 */
export function CountSection(props: { id: string; title: string; column: string; counts: Count[] }) {
  const { s, format } = useStaffI18n();
  const words = useStaffChartWords();
  const bars = props.counts.filter((row) => row.count > 0).map((row) => ({ label: row.shortLabel ?? row.label, value: row.count }));
  const headingId = `${props.id}-heading`;
  return (
    <section className="picnik-report__dimension" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {bars.length > 0 && (
        <BarChart id={`${props.id}-chart`} title={props.title} description={s.picnikReport.report.chartDescription} groups={[{ bars }]} words={words} />
      )}
      <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <table className="data-table" id={`${props.id}-table`} aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{props.column}</th>
              <th scope="col">{s.picnikReport.report.count}</th>
            </tr>
          </thead>
          <tbody>
            {props.counts.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.label}</th>
                <td data-count={row.count}>{format('{value}', { value: row.count })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
