import { useState } from 'react';
import { z } from 'zod';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { FormProblem, NumberInput, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { CREATE_VENUE, ORGANISATIONS_QUERY, UPDATE_VENUE, type VenueRow } from './queries';

const venueSchema = z.object({
  organisationId: v.choice(),
  name: v.text(200),
  address: v.text(300),
  room: v.optionalText(100),
  capacityLimit: v.optionalInt(1, 10_000),
  accessibilityNotes: v.optionalText(1000),
});

/**
 * Creates a venue (at the organisation given, or one chosen among the active ones), or edits the
 * venue given; a venue never moves to another organisation, its sessions' history stays there.
 */
export function VenueForm(props: { venue?: VenueRow; organisationId?: string; onSaved(): void }) {
  const { s } = useStaffI18n();
  const create = useStaffMutation(CREATE_VENUE);
  const update = useStaffMutation(UPDATE_VENUE);
  const existing = props.venue;
  const chooseOrganisation = !existing && !props.organisationId;
  const organisations = useStaffQuery(ORGANISATIONS_QUERY, {}, { enabled: chooseOrganisation });
  const [saved, setSaved] = useState(false);
  const form = useStaffForm({
    schema: venueSchema,
    defaultValues: {
      organisationId: existing?.organisation.id ?? props.organisationId ?? '',
      name: existing?.name ?? '',
      address: existing?.address ?? '',
      room: existing?.room ?? '',
      capacityLimit: existing?.capacityLimit ?? null,
      accessibilityNotes: existing?.accessibilityNotes ?? '',
    },
    onSaved: () => setSaved(true),
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const fields = {
          name: values.name,
          address: values.address,
          room: values.room || null,
          capacityLimit: values.capacityLimit,
          accessibilityNotes: values.accessibilityNotes || null,
        };
        if (existing) await update.mutateAsync({ id: existing.id, input: fields });
        else await create.mutateAsync({ input: { organisationId: values.organisationId, ...fields } });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      {chooseOrganisation && (
        <SelectInput
          control={form.control}
          name="organisationId"
          label={s.places.venues.organisation}
          description={s.places.venues.organisationHint}
          isRequired
          options={(organisations.data?.organisations ?? []).filter((organisation) => organisation.active).map((o) => ({ id: o.id, label: o.name }))}
        />
      )}
      <TextInput control={form.control} name="name" label={s.places.venues.name} isRequired />
      <TextInput control={form.control} name="address" label={s.places.venues.address} description={s.places.venues.addressHint} isRequired />
      <TextInput control={form.control} name="room" label={s.places.venues.room} description={s.places.venues.roomHint} />
      <NumberInput
        control={form.control}
        name="capacityLimit"
        label={s.places.venues.capacityLimit}
        description={s.places.venues.capacityHint}
        minValue={1}
        maxValue={10_000}
      />
      <TextInput
        control={form.control}
        name="accessibilityNotes"
        label={s.places.venues.accessibilityNotes}
        description={s.places.venues.accessibilityHint}
        multiline
      />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
      {saved && <p role="status">{s.common.saved}</p>}
    </form>
  );
}
