import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { z } from 'zod';
import { usePageTitle } from '../../../components/page-title';
import { useStaffMutation } from '../../data';
import { CONTACT_CHANNELS, type ContactChannel, languageOptions } from '../../sessions/participant-choices';
import { useStaffI18n } from '../../staff-strings';
import { CheckboxInput, DateInputField, FormProblem, SelectInput, SubmitButton, TextInput } from '../../ui/fields';
import { useStaffForm } from '../../ui/use-staff-form';
import { v } from '../../ui/validation';
import { ParticipantPicker, type PickedParticipant } from './participant-picker';
import { brusselsToday, CREATE_CASE, type CaseKind, KINDS, REFERRAL_CHANNELS, type ReferralChannel } from './queries';
import './cases.css';

const caseSchema = z
  .object({
    who: z.enum(['existing', 'new']),
    participantId: z.string(),
    firstName: v.optionalText(100),
    lastName: v.optionalText(100),
    phone: v.optionalPhone(),
    preferredLanguage: z.string(),
    contactChannel: z.string(),
    consentToContact: z.boolean(),
    kind: v.choice(),
    referralChannel: v.choice(),
    startsOn: v.date(),
    endsOn: z.union([z.literal(''), v.date()]),
    notes: v.optionalText(2000),
  })
  .superRefine((values, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (values.who === 'existing' && !values.participantId) issue('participantId', 'choose');
    if (values.who === 'new') {
      if (!values.firstName) issue('firstName', 'required');
      if (!values.preferredLanguage) issue('preferredLanguage', 'choose');
      if (!values.contactChannel) issue('contactChannel', 'choose');
      if (values.contactChannel === 'SMS' && !values.phone) issue('phone', 'required');
    }
    if (values.endsOn && values.endsOn < values.startsOn) issue('endsOn', 'endBeforeStart');
  });

/** /staff/picnik/new: a participant we know (searched) or a new one (no e-mail needed), and the case itself. */
export function NewCasePage() {
  const { s, language } = useStaffI18n();
  const t = s.picnik.newCase;
  usePageTitle(t.title);
  const [, navigate] = useLocation();
  const create = useStaffMutation(CREATE_CASE);
  const [picked, setPicked] = useState<PickedParticipant | null>(null);
  const form = useStaffForm({
    schema: caseSchema,
    defaultValues: {
      who: 'existing',
      participantId: '',
      firstName: '',
      lastName: '',
      phone: '',
      preferredLanguage: '',
      contactChannel: 'NONE',
      consentToContact: false,
      kind: '',
      referralChannel: '',
      startsOn: brusselsToday(),
      endsOn: '',
      notes: '',
    },
  });
  const who = useWatch({ control: form.control, name: 'who' });
  return (
    <>
      <p>
        <Link href="/">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <fieldset className="cases__view">
        <legend>{t.who}</legend>
        {(['existing', 'new'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="case-who" checked={who === option} onChange={() => form.setValue('who', option)} />
            {option === 'existing' ? t.existing : t.newPerson}
          </label>
        ))}
      </fieldset>
      {who === 'existing' && (
        <ParticipantPicker
          picked={picked}
          error={form.formState.errors.participantId?.message}
          onPick={(participant) => {
            setPicked(participant);
            form.setValue('participantId', participant.id);
            form.clearErrors('participantId');
          }}
        />
      )}
      <form
        noValidate
        aria-label={t.title}
        onSubmit={form.submit(async (values) => {
          const participant =
            values.who === 'new'
              ? {
                  firstName: values.firstName,
                  lastName: values.lastName || null,
                  phone: values.phone || null,
                  preferredLanguage: values.preferredLanguage,
                  contactChannel: values.contactChannel as ContactChannel,
                  consentToContact: values.consentToContact,
                }
              : null;
          const created = await create.mutateAsync({
            input: {
              participantId: values.who === 'existing' ? values.participantId : null,
              participant,
              kind: values.kind as CaseKind,
              referralChannel: values.referralChannel as ReferralChannel,
              startsOn: values.startsOn,
              endsOn: values.endsOn || null,
              notes: values.notes || null,
            },
          });
          navigate(`/cases/${created.createTrajectory.id}`);
        })}
      >
        <FormProblem control={form.control} />
        {who === 'new' && (
          <fieldset>
            <legend>{t.participant}</legend>
            <TextInput control={form.control} name="firstName" label={t.firstName} isRequired />
            <TextInput control={form.control} name="lastName" label={t.lastName} />
            <SelectInput control={form.control} name="preferredLanguage" label={t.language} isRequired options={languageOptions(language)} />
            <SelectInput
              control={form.control}
              name="contactChannel"
              label={t.contactChannel}
              description={t.noEmailNeeded}
              isRequired
              options={CONTACT_CHANNELS.filter((channel) => channel !== 'EMAIL').map((channel) => ({ id: channel, label: s.sessions.channels[channel] }))}
            />
            <TextInput control={form.control} name="phone" type="tel" label={t.phone} />
            <CheckboxInput control={form.control} name="consentToContact" label={t.consent} />
          </fieldset>
        )}
        <fieldset>
          <legend>{t.case}</legend>
          <SelectInput control={form.control} name="kind" label={t.kind} isRequired options={KINDS.map((id) => ({ id, label: s.picnik.kinds[id] }))} />
          <SelectInput
            control={form.control}
            name="referralChannel"
            label={t.referralChannel}
            isRequired
            options={REFERRAL_CHANNELS.map((id) => ({ id, label: s.picnik.channels[id] }))}
          />
          <DateInputField control={form.control} name="startsOn" label={t.startsOn} isRequired />
          <DateInputField control={form.control} name="endsOn" label={t.endsOn} />
          <TextInput control={form.control} name="notes" label={t.notes} multiline />
        </fieldset>
        <SubmitButton control={form.control}>{t.create}</SubmitButton>
      </form>
    </>
  );
}
