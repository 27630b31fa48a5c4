import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { useDate, useDateTime } from './privacy-words';
import { RETENTION_SCHEDULE, type RetentionRule } from './queries';

type Rules = ReturnType<typeof useStaffI18n>['s']['privacy']['retention']['rules'];

/** /staff/privacy/retention: per kind of personal data, how long it is kept, why, and what the next nightly run removes. */
export function RetentionPage() {
  const { s, format } = useStaffI18n();
  const t = s.privacy.retention;
  const dateTime = useDateTime();
  const date = useDate();
  usePageTitle(t.title);
  const schedule = useStaffQuery(RETENTION_SCHEDULE, {});
  const words = (key: string) => (t.rules as Record<string, { what: string; why: string }>)[key as keyof Rules] ?? { what: key, why: '' };
  const period = (rule: RetentionRule) =>
    rule.keptMonths !== null ? format(t.months, { count: rule.keptMonths }) : rule.keptDays !== null ? format(t.days, { count: rule.keptDays }) : t.noLimit;
  const next = (rule: RetentionRule) => {
    if (!rule.nextRunAt) return t.noRun;
    const run = format(t.nextRun, { date: dateTime(rule.nextRunAt), count: rule.dueCount });
    return rule.dueCount === 0 && rule.firstDueAt ? `${run} ${format(t.firstDue, { date: date(rule.firstDueAt) })}` : run;
  };
  const columns: ColumnDef<RetentionRule, unknown>[] = [
    { id: 'what', header: t.what, accessorFn: (row) => words(row.key).what },
    { id: 'kept', header: t.kept, accessorFn: (row) => `${period(row)} · ${t.actions[row.action]}`, enableSorting: false },
    { id: 'why', header: t.why, accessorFn: (row) => words(row.key).why, enableSorting: false },
    { id: 'next', header: t.next, accessorFn: (row) => next(row), enableSorting: false },
  ];
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <Link href="/">{s.privacy.person.back}</Link>
      </p>
      <QueryStatus query={schedule}>
        {(data) => <DataTable caption={t.caption} columns={columns} data={data.retentionSchedule} rowId={(row) => row.key} />}
      </QueryStatus>
    </>
  );
}
