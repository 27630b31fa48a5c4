import { z } from 'zod';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { FormProblem, SubmitButton, TextInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { ERASE_PERSONAL_DATA, ERASURE_PREVIEW, type ErasurePreview, type SubjectKind, subjectOf } from './queries';

type Items = ReturnType<typeof useStaffI18n>['s']['privacy']['erase']['items'];

/** Erasure on request: a dialog that says in numbers what goes and what stays, and asks for the reason and the person's name. */
export function EraseSection(props: { kind: SubjectKind; id: string; name: string; onErased(): void }) {
  const { s, format } = useStaffI18n();
  const t = s.privacy.erase;
  return (
    <section className="privacy-section">
      <h2>{t.heading}</h2>
      <p>{t.intro}</p>
      <DialogButton label={t.button} title={format(t.dialogTitle, { name: props.name })} className="button--secondary privacy-danger">
        {() => <EraseDialog {...props} />}
      </DialogButton>
    </section>
  );
}

function EraseDialog(props: { kind: SubjectKind; id: string; name: string; onErased(): void }) {
  const preview = useStaffQuery(ERASURE_PREVIEW, { subject: subjectOf(props.kind, props.id) });
  return <QueryStatus query={preview}>{(data) => <EraseForm {...props} preview={data.personalDataErasurePreview} />}</QueryStatus>;
}

const sameName = (typed: string, name: string) => typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

function EraseForm(props: { kind: SubjectKind; id: string; name: string; preview: ErasurePreview; onErased(): void }) {
  const { s, format } = useStaffI18n();
  const t = s.privacy.erase;
  const erase = useStaffMutation(ERASE_PERSONAL_DATA);
  const schema = z.object({
    reason: v.text(500),
    confirmName: v.text(200).refine((typed) => sameName(typed, props.name), { error: 'invalid' }),
  });
  const form = useStaffForm({ schema, defaultValues: { reason: '', confirmName: '' } });
  const itemText = (key: string, count: number) => format((t.items as Record<string, string>)[key as keyof Items] ?? t.items.other, { count });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await erase.mutateAsync({ subject: subjectOf(props.kind, props.id), reason: values.reason });
        props.onErased();
      })}
    >
      <h3>{t.removedHeading}</h3>
      <ul className="privacy-counts">
        {props.preview.removed.map((item) => (
          <li key={item.key}>{itemText(item.key, item.count)}</li>
        ))}
      </ul>
      <h3>{t.keptHeading}</h3>
      <ul className="privacy-counts">
        {props.preview.kept.map((item) => (
          <li key={item.key}>{itemText(item.key, item.count)}</li>
        ))}
      </ul>
      <p>{t.final}</p>
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="reason" label={t.reason} description={t.reasonHelp} isRequired multiline />
      <TextInput control={form.control} name="confirmName" label={t.confirmName} description={format(t.confirmNameHelp, { name: props.name })} isRequired />
      <SubmitButton control={form.control}>{t.submit}</SubmitButton>
    </form>
  );
}
