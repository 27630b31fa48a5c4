import { z } from 'zod';
import { useStaffMutation } from '../data';
import { brusselsInstant } from '../sessions/brussels-time';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { CheckboxInput, FormProblem, NumberInput, SelectInput, SubmitButton, TextInput, TimeInputField } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { CREATE_SERIES_SHIFTS, CREATE_SHIFT, type Skill, SKILLS } from './queries';

/** Where a new shift goes: a session (its times; maybe every session of its series) or a festival day (times typed). */
export type ShiftTarget = { kind: 'session'; sessionId: string; seriesId: string | null } | { kind: 'festival'; editionId: string; day: string };

export function NewShiftButton(props: { target: ShiftTarget }) {
  const { s } = useStaffI18n();
  return (
    <DialogButton label={s.volunteers.planning.newShift} title={s.volunteers.planning.newShift} className="button">
      {(close) => <ShiftForm target={props.target} onSaved={close} />}
    </DialogButton>
  );
}

const sessionShiftSchema = z.object({
  role: v.choice(),
  needed: v.int(1, 100),
  title: v.optionalText(200),
  notes: v.optionalText(1000),
  wholeSeries: z.boolean(),
  startTime: z.string(),
  endTime: z.string(),
});

const festivalShiftSchema = sessionShiftSchema
  .extend({ title: v.text(200), startTime: v.time(), endTime: v.time() })
  .refine((values) => values.endTime > values.startTime, { path: ['endTime'], error: 'endBeforeStart' });

function ShiftForm(props: { target: ShiftTarget; onSaved(): void }) {
  const { s } = useStaffI18n();
  const create = useStaffMutation(CREATE_SHIFT);
  const createForSeries = useStaffMutation(CREATE_SERIES_SHIFTS);
  const { target } = props;
  const form = useStaffForm({
    schema: target.kind === 'festival' ? festivalShiftSchema : sessionShiftSchema,
    defaultValues: { role: '', needed: 1, title: '', notes: '', wholeSeries: false, startTime: '', endTime: '' },
    apiFields: { 'input.startsAt': 'startTime', 'input.endsAt': 'endTime', startsAt: 'startTime', endsAt: 'endTime' },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const common = { role: values.role as Skill, needed: values.needed, title: values.title || null, notes: values.notes || null };
        if (target.kind === 'session' && target.seriesId && values.wholeSeries) {
          await createForSeries.mutateAsync({ input: { ...common, seriesId: target.seriesId } });
        } else if (target.kind === 'session') {
          await create.mutateAsync({ input: { ...common, sessionId: target.sessionId } });
        } else {
          await create.mutateAsync({
            input: {
              ...common,
              title: values.title,
              editionId: target.editionId,
              startsAt: brusselsInstant(target.day, values.startTime),
              endsAt: brusselsInstant(target.day, values.endTime),
            },
          });
        }
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <SelectInput
        control={form.control}
        name="role"
        label={s.volunteers.planning.role}
        isRequired
        options={SKILLS.map((name) => ({ id: name, label: s.volunteers.skills[name] }))}
      />
      <NumberInput control={form.control} name="needed" label={s.volunteers.planning.needed} minValue={1} maxValue={100} isRequired />
      <TextInput
        control={form.control}
        name="title"
        label={s.volunteers.planning.shiftTitle}
        description={target.kind === 'session' ? s.volunteers.planning.shiftTitleHint : undefined}
        isRequired={target.kind === 'festival'}
      />
      {target.kind === 'festival' && (
        <div className="volunteers__row">
          <TimeInputField control={form.control} name="startTime" label={s.volunteers.planning.startTime} isRequired />
          <TimeInputField control={form.control} name="endTime" label={s.volunteers.planning.endTime} isRequired />
        </div>
      )}
      <TextInput control={form.control} name="notes" multiline label={s.volunteers.planning.notes} description={s.common.optional} />
      {target.kind === 'session' && target.seriesId && <CheckboxInput control={form.control} name="wholeSeries" label={s.volunteers.planning.wholeSeries} />}
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}
