import { useState } from 'react';
import { z } from 'zod';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { CheckboxGroupInput, CheckboxInput, FormProblem, NumberInput, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { useLanguageName, useReminderLabel } from './programme-words';
import { CREATE_PROGRAMME, PLATFORM_LANGUAGES, PROGRAMME_KINDS, type ProgrammeRow, REMINDER_CHOICES, UPDATE_PROGRAMME } from './queries';

const TAG = '[a-z]{2,3}(-[A-Za-z0-9]{2,8})*';
const TAG_LIST = new RegExp(`^$|^${TAG}(\\s*,\\s*${TAG})*$`);
/** As the API allows: at most five reminders, at most four weeks ahead. */
const MAX_REMINDERS = 5;
/** Seat offers in whole hours (the API keeps minutes): a window of up to two weeks, a hold of 1 to 48 hours. */
const MAX_OFFER_WINDOW_HOURS = 336;
const MAX_OFFER_HOLD_HOURS = 48;

const programmeSchema = z
  .object({
    name: v.text(200),
    kind: v.choice(),
    defaultCapacity: v.int(1, 1000),
    seatOfferWindowHours: v.int(0, MAX_OFFER_WINDOW_HOURS),
    seatOfferHoldHours: v.int(1, MAX_OFFER_HOLD_HOURS),
    reminders: z.array(z.string()).max(MAX_REMINDERS, { error: `max:${MAX_REMINDERS}` }),
    languages: z.array(z.string()),
    otherLanguages: z.string().trim().regex(TAG_LIST, { error: 'invalid' }),
    description: v.optionalText(2000),
    childcareCapacity: v.optionalInt(1, 200),
    listsChildren: z.boolean(),
  })
  .refine((values) => values.languages.length > 0 || values.otherLanguages.trim() !== '', {
    path: ['languages'],
    error: 'choose',
    // Said together with the other fields' messages, not only once those are right.
    when: (payload) => {
      const value = payload.value as Partial<Record<string, unknown>>;
      return Array.isArray(value.languages) && typeof value.otherLanguages === 'string';
    },
  });

type ProgrammeValues = z.infer<typeof programmeSchema>;

const isPlatform = (tag: string) => (PLATFORM_LANGUAGES as readonly string[]).includes(tag);

function valuesOf(programme: ProgrammeRow | undefined): ProgrammeValues {
  if (!programme)
    return {
      name: '',
      kind: '',
      defaultCapacity: 12,
      seatOfferWindowHours: 24,
      seatOfferHoldHours: 3,
      reminders: ['1440', '120'],
      languages: ['nl'],
      otherLanguages: '',
      description: '',
      childcareCapacity: null,
      listsChildren: false,
    };
  return {
    name: programme.name,
    kind: programme.kind,
    defaultCapacity: programme.defaultCapacity,
    seatOfferWindowHours: Math.round(programme.seatOfferWindowMinutes / 60),
    seatOfferHoldHours: Math.max(1, Math.round(programme.seatOfferHoldMinutes / 60)),
    reminders: programme.reminderOffsetsMinutes.map(String),
    languages: programme.languages.filter(isPlatform),
    otherLanguages: programme.languages.filter((tag) => !isPlatform(tag)).join(', '),
    description: programme.description ?? '',
    childcareCapacity: programme.childcareCapacity,
    listsChildren: programme.listsChildren,
  };
}

/** Minutes for the API; an unchanged hour field keeps minutes set elsewhere that are not whole hours (e.g. 90). */
function minutesOf(hours: number, previousMinutes: number | undefined, previousHours: number | undefined): number {
  return previousMinutes !== undefined && hours === previousHours ? previousMinutes : hours * 60;
}

/** Create a programme (no `programme`) or change one; `onSaved` gets its id. */
export function ProgrammeForm(props: { programme?: ProgrammeRow; onSaved(id: string): void }) {
  const { s } = useStaffI18n();
  const p = s.programmes;
  const create = useStaffMutation(CREATE_PROGRAMME);
  const update = useStaffMutation(UPDATE_PROGRAMME);
  const [saved, setSaved] = useState(false);
  const languageName = useLanguageName();
  const reminderLabel = useReminderLabel();
  const form = useStaffForm({
    schema: programmeSchema,
    defaultValues: valuesOf(props.programme),
    apiFields: { reminderOffsetsMinutes: 'reminders', seatOfferWindowMinutes: 'seatOfferWindowHours', seatOfferHoldMinutes: 'seatOfferHoldHours' },
  });
  const reminderOptions = [...new Set([...REMINDER_CHOICES, ...(props.programme?.reminderOffsetsMinutes ?? [])])]
    .sort((a, b) => b - a)
    .map((minutes) => ({ id: String(minutes), label: reminderLabel(minutes) }));
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const otherTags = values.otherLanguages
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean);
        const previous = props.programme ? valuesOf(props.programme) : undefined;
        const input = {
          name: values.name,
          kind: values.kind as (typeof PROGRAMME_KINDS)[number],
          defaultCapacity: values.defaultCapacity,
          reminderOffsetsMinutes: values.reminders.map(Number),
          languages: [...values.languages, ...otherTags],
          description: values.description || null,
          childcareCapacity: values.childcareCapacity,
          listsChildren: values.listsChildren,
          seatOfferWindowMinutes: minutesOf(values.seatOfferWindowHours, props.programme?.seatOfferWindowMinutes, previous?.seatOfferWindowHours),
          seatOfferHoldMinutes: minutesOf(values.seatOfferHoldHours, props.programme?.seatOfferHoldMinutes, previous?.seatOfferHoldHours),
        };
        try {
          const id = props.programme
            ? (await update.mutateAsync({ id: props.programme.id, input })).updateProgramme.id
            : (await create.mutateAsync({ input })).createProgramme.id;
          setSaved(true);
          props.onSaved(id);
        } catch (error) {
          // Two programmes with one name would look the same in every list: the API refuses it.
          if (error instanceof GraphQLRequestError && error.code === 'CONFLICT' && error.extensions.field === 'name') {
            form.setError('name', { type: 'api', message: 'nameTaken' }, { shouldFocus: true });
            return;
          }
          throw error;
        }
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="name" label={p.fields.name} isRequired />
      <SelectInput
        control={form.control}
        name="kind"
        label={p.fields.kind}
        isRequired
        options={PROGRAMME_KINDS.map((kind) => ({ id: kind, label: p.kinds[kind] }))}
      />
      <NumberInput control={form.control} name="defaultCapacity" label={p.fields.defaultCapacity} description={p.fields.defaultCapacityHint} isRequired />
      <NumberInput control={form.control} name="seatOfferWindowHours" label={p.fields.seatOfferWindow} description={p.fields.seatOfferWindowHint} isRequired />
      <NumberInput control={form.control} name="seatOfferHoldHours" label={p.fields.seatOfferHold} description={p.fields.seatOfferHoldHint} isRequired />
      <CheckboxGroupInput control={form.control} name="reminders" label={p.fields.reminders} description={p.fields.remindersHint} options={reminderOptions} />
      <CheckboxGroupInput
        control={form.control}
        name="languages"
        label={p.fields.languages}
        options={PLATFORM_LANGUAGES.map((tag) => ({ id: tag, label: languageName(tag) }))}
        columns
      />
      <TextInput control={form.control} name="otherLanguages" label={p.fields.otherLanguages} description={p.fields.otherLanguagesHint} />
      <NumberInput control={form.control} name="childcareCapacity" label={p.fields.childcareCapacity} description={p.fields.childcareCapacityHint} />
      <CheckboxInput control={form.control} name="listsChildren" label={p.fields.listsChildren} />
      <TextInput control={form.control} name="description" label={p.fields.description} multiline description={s.common.optional} />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
      {saved && <p role="status">{s.common.saved}</p>}
    </form>
  );
}
