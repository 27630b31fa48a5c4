import type { BarChartWords } from '../../../components/bar-chart';
import { useStaffI18n } from '../../staff-strings';

/** The shared bar chart in the back office's words (its languages are all left to right). */
export function useStaffChartWords(): BarChartWords {
  const { s, format } = useStaffI18n();
  return { bar: (label, value) => format(s.picnikReport.report.bar, { label, value }), number: (value) => format('{value}', { value }), rtl: false };
}
