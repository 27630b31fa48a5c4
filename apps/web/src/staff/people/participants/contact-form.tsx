import { z } from 'zod';
import { graphql } from '../../../graphql/graphql';
import { useStaffMutation } from '../../data';
import { CONTACT_CHANNELS, type ContactChannel, languageOptions } from '../../sessions/participant-choices';
import { useStaffI18n } from '../../staff-strings';
import { FormProblem, SelectInput, SubmitButton, TextInput } from '../../ui/fields';
import { useStaffForm } from '../../ui/use-staff-form';
import { v } from '../../ui/validation';
import type { StaffParticipant } from './participant-query';

const UPDATE_PARTICIPANT = graphql(`
  mutation StaffUpdateParticipant($id: ID!, $input: UpdateParticipantInput!) {
    updateParticipant(id: $id, input: $input) {
      id
    }
  }
`);

const contactSchema = z
  .object({ phone: v.optionalPhone(), email: v.optionalEmail(), preferredLanguage: v.choice(), contactChannel: v.choice() })
  .superRefine((values, context) => {
    if (values.contactChannel === 'SMS' && !values.phone) context.addIssue({ code: 'custom', path: ['phone'], message: 'required' });
    if (values.contactChannel === 'EMAIL' && !values.email) context.addIssue({ code: 'custom', path: ['email'], message: 'required' });
  });

/** Phone, e-mail, language and channel; the API checks again (SMS and e-mail need consent, given apart). */
export function ContactForm(props: { participant: StaffParticipant; onSaved(): void }) {
  const { s, language } = useStaffI18n();
  const t = s.sessions.participants;
  const update = useStaffMutation(UPDATE_PARTICIPANT);
  const p = props.participant;
  const form = useStaffForm({
    schema: contactSchema,
    defaultValues: { phone: p.phone ?? '', email: p.email ?? '', preferredLanguage: p.preferredLanguage, contactChannel: p.contactChannel },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await update.mutateAsync({
          id: p.id,
          input: {
            phone: values.phone,
            email: values.email,
            preferredLanguage: values.preferredLanguage,
            contactChannel: values.contactChannel as ContactChannel,
          },
        });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="phone" type="tel" label={t.phone} />
      <TextInput control={form.control} name="email" type="email" label={t.email} />
      <SelectInput control={form.control} name="preferredLanguage" label={t.language} isRequired options={languageOptions(language)} />
      <SelectInput
        control={form.control}
        name="contactChannel"
        label={t.channel}
        description={t.channelHint}
        isRequired
        options={CONTACT_CHANNELS.map((channel) => ({ id: channel, label: s.sessions.channels[channel] }))}
      />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}
