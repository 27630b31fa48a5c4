import { useState } from 'react';
import { z } from 'zod';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { FormProblem, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { CREATE_ORGANISATION, KINDS, type OrganisationKind, type OrganisationRow, UPDATE_ORGANISATION } from './queries';

const organisationSchema = z.object({ name: v.text(200), kind: v.choice(), phone: v.optionalPhone() });

/** Creates an organisation, or edits the one given. */
export function OrganisationForm(props: { organisation?: OrganisationRow; onSaved(): void }) {
  const { s } = useStaffI18n();
  const create = useStaffMutation(CREATE_ORGANISATION);
  const update = useStaffMutation(UPDATE_ORGANISATION);
  const [saved, setSaved] = useState(false);
  const existing = props.organisation;
  const form = useStaffForm({
    schema: organisationSchema,
    defaultValues: { name: existing?.name ?? '', kind: existing?.kind ?? '', phone: existing?.phone ?? '' },
    onSaved: () => setSaved(true),
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const input = { name: values.name, kind: values.kind as OrganisationKind, phone: values.phone || null };
        if (existing) await update.mutateAsync({ id: existing.id, input });
        else await create.mutateAsync({ input });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="name" label={s.places.organisations.name} isRequired />
      <SelectInput
        control={form.control}
        name="kind"
        label={s.places.organisations.kind}
        isRequired
        options={KINDS.map((kind) => ({ id: kind, label: s.places.kinds[kind] }))}
      />
      <TextInput control={form.control} name="phone" type="tel" label={s.places.organisations.phone} description={s.places.organisations.phoneHint} />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
      {saved && <p role="status">{s.common.saved}</p>}
    </form>
  );
}
