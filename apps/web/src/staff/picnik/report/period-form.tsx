import { z } from 'zod';
import { useStaffI18n } from '../../staff-strings';
import { DateInputField, FormProblem, SubmitButton } from '../../ui/fields';
import { useStaffForm } from '../../ui/use-staff-form';
import { v } from '../../ui/validation';

export interface Period {
  from: string;
  to: string;
}

/** The period of the city's Picnik report (the project's first 21 months). */
export const PICNIK_2022_2023: Period = { from: '2022-01-01', to: '2023-09-30' };

export function thisYear(today: string): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
}

const schema = z.object({ from: v.date(), to: v.date() }).refine((values) => values.to >= values.from, { path: ['to'], error: 'endBeforeStart' });

/** Two dates and two quick choices; the report follows what is shown. */
export function PeriodForm(props: { period: Period; today: string; onChange(period: Period): void }) {
  const { s } = useStaffI18n();
  const form = useStaffForm({ schema, defaultValues: props.period });
  const choose = (period: Period) => {
    form.reset(period);
    props.onChange(period);
  };
  return (
    <form
      className="picnik-report__period"
      aria-labelledby="period-heading"
      noValidate
      onSubmit={form.submit(async (values) => props.onChange({ from: values.from, to: values.to }))}
    >
      <h2 id="period-heading">{s.picnikReport.report.period}</h2>
      <div className="picnik-report__quick" role="group" aria-label={s.picnikReport.report.quick}>
        <button type="button" className="button--secondary" onClick={() => choose(thisYear(props.today))}>
          {s.picnikReport.report.thisYear}
        </button>
        <button type="button" className="button--secondary" onClick={() => choose(PICNIK_2022_2023)}>
          {s.picnikReport.report.picnik2022}
        </button>
      </div>
      <div className="picnik-report__dates">
        <DateInputField control={form.control} name="from" label={s.picnikReport.report.from} isRequired />
        <DateInputField control={form.control} name="to" label={s.picnikReport.report.to} isRequired />
      </div>
      <FormProblem control={form.control} />
      <SubmitButton control={form.control}>{s.picnikReport.report.show}</SubmitButton>
    </form>
  );
}
