import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { CheckboxInput, FormProblem, NumberInput, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { PARTICIPANT_SEARCH, REGISTER_PARTICIPANT } from './documents';
import { CONTACT_CHANNELS, type ContactChannel, languageOptions } from './participant-choices';

const registerSchema = z
  .object({
    participantId: z.string(),
    firstName: v.optionalText(100),
    lastName: v.optionalText(100),
    phone: v.optionalPhone(),
    email: v.optionalEmail(),
    preferredLanguage: z.string(),
    contactChannel: z.string(),
    consentToContact: z.boolean(),
    children: v.int(0, 10),
    childrenDetails: z.array(z.object({ firstName: v.text(100), age: v.int(3, 14), school: v.optionalText(200) })).max(10),
  })
  .superRefine((values, context) => {
    if (values.participantId) return;
    if (!values.firstName) context.addIssue({ code: 'custom', path: ['firstName'], message: 'required' });
    if (!values.preferredLanguage) context.addIssue({ code: 'custom', path: ['preferredLanguage'], message: 'choose' });
    if (!values.contactChannel) context.addIssue({ code: 'custom', path: ['contactChannel'], message: 'choose' });
    if (values.contactChannel === 'SMS' && !values.phone) context.addIssue({ code: 'custom', path: ['phone'], message: 'required' });
    if (values.contactChannel === 'EMAIL' && !values.email) context.addIssue({ code: 'custom', path: ['email'], message: 'required' });
  });

const EMPTY = {
  participantId: '',
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
  preferredLanguage: '',
  contactChannel: '',
  consentToContact: false,
  children: 0,
  childrenDetails: [] as { firstName: string; age: number; school: string }[],
};

const NEW_CHILD = { firstName: '', age: NaN, school: '' };

/** The API names a listed child's field childrenDetails.<i>.<field>, as this form does. */
const CHILD_FIELDS = Object.fromEntries(
  Array.from({ length: 10 }, (_, index) =>
    ['firstName', 'age', 'school'].map((field) => [`childrenDetails.${index}.${field}`, `childrenDetails.${index}.${field}`]),
  ).flat(),
);

interface Found {
  id: string;
  firstName: string;
  lastName?: string | null;
  phone?: string | null;
}

/**
 * Search first (name or phone), so nobody is entered twice; pick someone found, or fill in a new
 * participant in the same form. The API seats them or puts them at the end of the waiting list.
 */
export function RegisterForm(props: { sessionId: string; listsChildren: boolean; onSaved(notice: string): void }) {
  const { s, format, language } = useStaffI18n();
  const [search, setSearch] = useState('');
  const [asked, setAsked] = useState('');
  const [picked, setPicked] = useState<Found | null>(null);
  const found = useStaffQuery(PARTICIPANT_SEARCH, { search: asked }, { enabled: asked.length >= 2 });
  const register = useStaffMutation(REGISTER_PARTICIPANT);
  const empty = { ...EMPTY, childrenDetails: props.listsChildren ? [NEW_CHILD] : [] };
  const form = useStaffForm({ schema: registerSchema, defaultValues: empty, apiFields: CHILD_FIELDS as never });
  const listed = useFieldArray({ control: form.control, name: 'childrenDetails' });
  const pick = (participant: Found | null) => {
    setPicked(participant);
    // Someone found replaces whatever was typed for a new participant (hidden now, so never checked).
    form.reset({ ...empty, participantId: participant?.id ?? '' });
  };
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        // A programme that lists children (the zomerschool) takes them by name; their number follows.
        const family = props.listsChildren
          ? { childrenDetails: values.childrenDetails.map((child) => ({ firstName: child.firstName, age: child.age, school: child.school || null })) }
          : { children: values.children };
        const input = values.participantId
          ? { sessionId: props.sessionId, participantId: values.participantId, ...family }
          : {
              sessionId: props.sessionId,
              ...family,
              participant: {
                firstName: values.firstName,
                lastName: values.lastName || null,
                phone: values.phone || null,
                email: values.email || null,
                preferredLanguage: values.preferredLanguage,
                contactChannel: values.contactChannel as ContactChannel,
                consentToContact: values.consentToContact,
              },
            };
        const result = await register.mutateAsync({ input });
        props.onSaved(result.registerParticipant.status === 'WAITLISTED' ? s.sessions.register.waitlisted : s.sessions.register.confirmed);
      })}
    >
      <FormProblem control={form.control} />
      <div className="toolbar" role="search">
        <TextField className="field" value={search} onChange={setSearch} type="search">
          <Label>{s.sessions.register.search}</Label>
          <Input
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                setAsked(search.trim());
              }
            }}
          />
        </TextField>
        <Button className="button--secondary" onPress={() => setAsked(search.trim())}>
          {s.common.actions.search}
        </Button>
      </div>
      {asked.length >= 2 && found.data && (
        <>
          <p role="status">
            {found.data.participants.length === 0
              ? s.sessions.register.nobodyFound
              : format(s.sessions.register.found, { count: found.data.participants.length })}
          </p>
          <ul className="participant-results">
            {found.data.participants.map((participant) => (
              <li key={participant.id}>
                <Button className="button--secondary" aria-pressed={picked?.id === participant.id} onPress={() => pick(participant)}>
                  {format(s.sessions.register.pick, {
                    name: [participant.firstName, participant.lastName].filter(Boolean).join(' '),
                    phone: participant.phone ?? '–',
                  })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {picked ? (
        <>
          <p>{format(s.sessions.register.picked, { name: [picked.firstName, picked.lastName].filter(Boolean).join(' ') })}</p>
          <Button className="button--secondary" onPress={() => pick(null)}>
            {s.sessions.register.newInstead}
          </Button>
        </>
      ) : (
        <fieldset>
          <legend>{s.sessions.register.newParticipant}</legend>
          <TextInput control={form.control} name="firstName" label={s.sessions.register.firstName} isRequired />
          <TextInput control={form.control} name="lastName" label={s.sessions.register.lastName} />
          <TextInput control={form.control} name="phone" type="tel" label={s.sessions.register.phone} />
          <TextInput control={form.control} name="email" type="email" label={s.sessions.register.email} />
          <SelectInput control={form.control} name="preferredLanguage" label={s.sessions.register.language} isRequired options={languageOptions(language)} />
          <SelectInput
            control={form.control}
            name="contactChannel"
            label={s.sessions.register.channel}
            isRequired
            options={CONTACT_CHANNELS.map((channel) => ({ id: channel, label: s.sessions.channels[channel] }))}
          />
          <CheckboxInput control={form.control} name="consentToContact" label={s.sessions.register.consent} />
        </fieldset>
      )}
      {props.listsChildren ? (
        <fieldset>
          <legend>{s.sessions.register.childrenList}</legend>
          <p className="field__hint">{s.sessions.register.childrenListHint}</p>
          {listed.fields.map((child, index) => (
            <div key={child.id} className="listed-child">
              <TextInput
                control={form.control}
                name={`childrenDetails.${index}.firstName`}
                label={format(s.sessions.register.childFirstName, { number: index + 1 })}
                isRequired
              />
              <NumberInput
                control={form.control}
                name={`childrenDetails.${index}.age`}
                label={format(s.sessions.register.childAge, { number: index + 1 })}
                isRequired
              />
              <TextInput
                control={form.control}
                name={`childrenDetails.${index}.school`}
                label={format(s.sessions.register.childSchool, { number: index + 1 })}
              />
              {listed.fields.length > 1 && (
                <Button className="button--secondary" onPress={() => listed.remove(index)}>
                  {format(s.sessions.register.removeChild, { number: index + 1 })}
                </Button>
              )}
            </div>
          ))}
          {listed.fields.length < 10 && (
            <Button className="button--secondary" onPress={() => listed.append(NEW_CHILD)}>
              {s.sessions.register.addChild}
            </Button>
          )}
        </fieldset>
      ) : (
        <NumberInput control={form.control} name="children" label={s.sessions.register.children} description={s.sessions.register.childrenHint} isRequired />
      )}
      <SubmitButton control={form.control}>{s.sessions.register.submit}</SubmitButton>
    </form>
  );
}
