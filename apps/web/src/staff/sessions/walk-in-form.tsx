import { z } from 'zod';
import { graphql } from '../../graphql/graphql';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { FormProblem, NumberInput, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { languageOptions } from './participant-choices';

export const REGISTER_WALK_IN = graphql(`
  mutation StaffRegisterWalkIn($input: RegisterWalkInInput!) {
    registerWalkIn(input: $input) {
      id
      walkIn
      participant {
        firstName
        anonymous
      }
    }
  }
`);

const walkInSchema = z.object({
  firstName: v.optionalText(100),
  phone: v.optionalPhone(),
  preferredLanguage: v.choice(),
  children: v.int(0, 10),
});

/**
 * A coordinator adds someone who came without registering, as the host does on the phone page:
 * everything is optional, and no first name makes an anonymous walk-in (a count only).
 */
export function WalkInForm(props: { sessionId: string; onSaved(notice: string): void }) {
  const { s, format, language } = useStaffI18n();
  const register = useStaffMutation(REGISTER_WALK_IN);
  const form = useStaffForm({
    schema: walkInSchema,
    defaultValues: { firstName: '', phone: '', preferredLanguage: 'nl', children: 0 },
    apiFields: { 'participant.firstName': 'firstName', 'participant.phone': 'phone', 'participant.preferredLanguage': 'preferredLanguage' },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async ({ firstName, phone, preferredLanguage, children }) => {
        const input = firstName
          ? {
              sessionId: props.sessionId,
              children,
              participant: { firstName, phone: phone || null, preferredLanguage, contactChannel: 'NONE' as const, consentToContact: false },
            }
          : { sessionId: props.sessionId, children, preferredLanguage };
        const { registerWalkIn } = await register.mutateAsync({ input });
        const name = registerWalkIn.participant.firstName;
        props.onSaved(
          registerWalkIn.participant.anonymous
            ? s.sessions.walkIn.addedAnonymous
            : format(registerWalkIn.walkIn ? s.sessions.walkIn.added : s.sessions.walkIn.alreadyBooked, { name }),
        );
      })}
    >
      <p>{s.sessions.walkIn.intro}</p>
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="firstName" label={s.sessions.walkIn.firstName} />
      <TextInput control={form.control} name="phone" type="tel" label={s.sessions.walkIn.phone} />
      <SelectInput control={form.control} name="preferredLanguage" label={s.sessions.walkIn.language} isRequired options={languageOptions(language)} />
      <NumberInput control={form.control} name="children" label={s.sessions.walkIn.children} minValue={0} maxValue={10} isRequired />
      <SubmitButton control={form.control}>{s.sessions.walkIn.submit}</SubmitButton>
    </form>
  );
}
