import { useMemo, useState } from 'react';
import { z } from 'zod';
import { useStaffMutation } from '../data';
import { languageOptions } from '../sessions/participant-choices';
import { useStaffI18n } from '../staff-strings';
import { CheckboxGroupInput, DateInputField, FormProblem, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { DAYPARTS, type DaypartName, SAVE_PROFILE, SCREENING, type Screening, type Skill, SKILLS, type VolunteerProfile } from './queries';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

const profileSchema = z.object({
  phone: v.optionalPhone(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  availableWeekdays: z.array(z.string()),
  availableDayparts: z.array(z.string()),
  neighbourhood: v.optionalText(100),
  screeningStatus: v.choice(),
  screeningDate: z.union([z.literal(''), v.date()]),
  trainings: v.optionalText(6000),
});

/** The coordinator's view of a profile: what the volunteer can do and when, and the screening and trainings only coordinators record. */
export function ProfileForm(props: { volunteerId: string; profile: VolunteerProfile | null }) {
  const { s, language } = useStaffI18n();
  const save = useStaffMutation(SAVE_PROFILE);
  const [saved, setSaved] = useState(false);
  const languages = useMemo(() => languageOptions(language), [language]);
  const profile = props.profile;
  const form = useStaffForm({
    schema: profileSchema,
    defaultValues: {
      phone: profile?.phone ?? '',
      languages: profile?.languages ?? [],
      skills: profile?.skills ?? [],
      availableWeekdays: (profile?.availableWeekdays ?? []).map(String),
      availableDayparts: profile?.availableDayparts ?? [],
      neighbourhood: profile?.neighbourhood ?? '',
      screeningStatus: profile?.screeningStatus ?? 'NOT_REQUESTED',
      screeningDate: profile?.screeningDate ?? '',
      trainings: (profile?.trainings ?? []).join('\n'),
    },
    onSaved: () => setSaved(true),
  });
  return (
    <form
      noValidate
      aria-labelledby="profile-heading"
      onSubmit={form.submit(async (values) => {
        setSaved(false);
        await save.mutateAsync({
          volunteerId: props.volunteerId,
          input: {
            phone: values.phone || null,
            languages: values.languages,
            skills: values.skills as Skill[],
            availableWeekdays: values.availableWeekdays.map(Number),
            availableDayparts: values.availableDayparts as DaypartName[],
            neighbourhood: values.neighbourhood || null,
            screeningStatus: values.screeningStatus as Screening,
            screeningDate: values.screeningDate || null,
            trainings: values.trainings
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          },
        });
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="phone" type="tel" label={s.volunteers.profile.phone} description={s.common.optional} />
      <CheckboxGroupInput control={form.control} name="languages" label={s.volunteers.profile.languages} options={languages} columns />
      <CheckboxGroupInput
        control={form.control}
        name="skills"
        label={s.volunteers.profile.skills}
        options={SKILLS.map((name) => ({ id: name, label: s.volunteers.skills[name] }))}
        columns
      />
      <CheckboxGroupInput
        control={form.control}
        name="availableWeekdays"
        label={s.volunteers.profile.weekdays}
        options={WEEKDAYS.map((day) => ({ id: day, label: s.volunteers.weekdays[day] }))}
        columns
      />
      <CheckboxGroupInput
        control={form.control}
        name="availableDayparts"
        label={s.volunteers.profile.dayparts}
        options={DAYPARTS.map((name) => ({ id: name, label: s.volunteers.dayparts[name] }))}
      />
      <TextInput control={form.control} name="neighbourhood" label={s.volunteers.profile.neighbourhood} description={s.common.optional} />
      <SelectInput
        control={form.control}
        name="screeningStatus"
        label={s.volunteers.profile.screeningStatus}
        isRequired
        options={SCREENING.map((name) => ({ id: name, label: s.volunteers.screening[name] }))}
      />
      <DateInputField
        control={form.control}
        name="screeningDate"
        label={s.volunteers.profile.screeningDate}
        description={s.volunteers.profile.screeningDateHint}
      />
      <TextInput control={form.control} name="trainings" multiline label={s.volunteers.profile.trainings} description={s.volunteers.profile.trainingsHint} />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
      <p role="status">{saved && s.common.saved}</p>
    </form>
  );
}
