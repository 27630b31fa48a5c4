import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { usePageTitle } from '../../components/page-title';
import { useStaffMutation, useStaffQuery } from '../data';
import { languageOptions } from '../sessions/participant-choices';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { FormProblem, NumberInput, SubmitButton } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { absentOn, brusselsToday, type ProfileRow, SCREENING, SET_THRESHOLD, SKILLS, VOLUNTEERS_QUERY, type VolunteerUser } from './queries';
import { useVolunteerWords } from './words';

interface VolunteerRow {
  user: VolunteerUser;
  profile: ProfileRow | null;
}

/** Every volunteer with what planning needs at a glance; filters by name, skill, language and screening. */
export function VolunteersPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.volunteers.title);
  const query = useStaffQuery(VOLUNTEERS_QUERY, {});
  return (
    <>
      <h1>{s.volunteers.title}</h1>
      <p className="toolbar">
        <Link href="/planning">{s.volunteers.list.planning}</Link>
      </p>
      <QueryStatus query={query}>
        {(data) => (
          <>
            <VolunteerList
              rows={data.volunteers.map((user) => ({ user, profile: data.volunteerProfiles.find((profile) => profile.volunteer.id === user.id) ?? null }))}
            />
            <ThresholdForm threshold={data.registrationSettings.noShowFlagThreshold} />
          </>
        )}
      </QueryStatus>
    </>
  );
}

function VolunteerList(props: { rows: VolunteerRow[] }) {
  const { s, format, language } = useStaffI18n();
  const words = useVolunteerWords();
  const ids = { search: useId(), skill: useId(), language: useId(), screening: useId() };
  const [search, setSearch] = useState('');
  const [skill, setSkill] = useState('');
  const [spoken, setSpoken] = useState('');
  const [screening, setScreening] = useState('');
  const languages = useMemo(() => languageOptions(language), [language]);
  const today = brusselsToday();
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase();
  const rows = props.rows.filter(
    ({ user, profile }) =>
      (fold(user.displayName).includes(fold(search.trim())) || fold(user.email).includes(fold(search.trim()))) &&
      (!skill || profile?.skills.includes(skill as never)) &&
      (!spoken || profile?.languages.includes(spoken)) &&
      (!screening || (profile?.screeningStatus ?? 'NOT_REQUESTED') === screening),
  );
  const columns: ColumnDef<VolunteerRow, unknown>[] = [
    {
      id: 'name',
      header: s.volunteers.list.name,
      accessorFn: (row) => row.user.displayName,
      cell: ({ row }) => <Link href={`/${row.original.user.id}`}>{row.original.user.displayName}</Link>,
    },
    { id: 'languages', header: s.volunteers.list.languages, enableSorting: false, accessorFn: (row) => words.languages(row.profile?.languages ?? []) },
    {
      id: 'skills',
      header: s.volunteers.list.skills,
      enableSorting: false,
      accessorFn: (row) => (row.profile?.skills ?? []).map((name) => s.volunteers.skills[name]).join(', '),
    },
    {
      id: 'screening',
      header: s.volunteers.list.screening,
      accessorFn: (row) => {
        if (!row.profile) return s.volunteers.list.noProfile;
        const status = s.volunteers.screening[row.profile.screeningStatus];
        return row.profile.screeningDate ? format(s.volunteers.list.screenedOn, { status, date: words.date(row.profile.screeningDate) }) : status;
      },
    },
    {
      id: 'noShows',
      header: s.volunteers.list.noShows,
      accessorFn: (row) => row.profile?.consecutiveNoShows ?? 0,
      cell: ({ row }) => {
        const profile = row.original.profile;
        if (profile?.flaggedForNoShows)
          return <strong className="volunteers__flag">{format(s.volunteers.list.flagged, { count: profile.consecutiveNoShows })}</strong>;
        return format(s.volunteers.list.notFlagged, { count: profile?.noShowCount ?? 0 });
      },
    },
    {
      id: 'absent',
      header: s.volunteers.list.absentNow,
      accessorFn: (row) => {
        const now = (row.profile?.absences ?? []).find((absence) => absentOn([absence], today));
        return now ? format(s.volunteers.list.absent, { date: words.date(now.endsOn) }) : s.volunteers.list.present;
      },
    },
  ];
  return (
    <>
      <div className="volunteers__filters" role="search">
        <div className="field">
          <label htmlFor={ids.search}>{s.volunteers.list.search}</label>
          <input id={ids.search} type="search" value={search} maxLength={200} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <FilterSelect
          id={ids.skill}
          label={s.volunteers.list.skillFilter}
          value={skill}
          onChange={setSkill}
          options={SKILLS.map((name) => ({ id: name, label: s.volunteers.skills[name] }))}
        />
        <FilterSelect id={ids.language} label={s.volunteers.list.languageFilter} value={spoken} onChange={setSpoken} options={languages} />
        <FilterSelect
          id={ids.screening}
          label={s.volunteers.list.screeningFilter}
          value={screening}
          onChange={setScreening}
          options={SCREENING.map((name) => ({ id: name, label: s.volunteers.screening[name] }))}
        />
      </div>
      <DataTable caption={s.volunteers.list.caption} columns={columns} data={rows} rowId={(row) => row.user.id} initialSort={[{ id: 'name', desc: false }]} />
    </>
  );
}

function FilterSelect(props: { id: string; label: string; value: string; onChange(value: string): void; options: readonly { id: string; label: string }[] }) {
  const { s } = useStaffI18n();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{s.volunteers.list.all}</option>
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const thresholdSchema = z.object({ threshold: v.int(1, 20) });

/** The no-show flag's threshold: shared with the participants' flag, so one setting. */
function ThresholdForm(props: { threshold: number }) {
  const { s } = useStaffI18n();
  const save = useStaffMutation(SET_THRESHOLD);
  const [saved, setSaved] = useState(false);
  const form = useStaffForm({ schema: thresholdSchema, defaultValues: { threshold: props.threshold }, onSaved: () => setSaved(true) });
  return (
    <section aria-labelledby="threshold-heading" className="volunteers__section">
      <h2 id="threshold-heading">{s.volunteers.threshold.title}</h2>
      <form
        noValidate
        onSubmit={form.submit(async (values) => {
          setSaved(false);
          await save.mutateAsync({ threshold: values.threshold });
        })}
      >
        <FormProblem control={form.control} />
        <NumberInput control={form.control} name="threshold" label={s.volunteers.threshold.label} description={s.volunteers.threshold.hint} isRequired />
        <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
        <p role="status">{saved && s.volunteers.threshold.saved}</p>
      </form>
    </section>
  );
}
