import { useFormState, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useAuth } from '../../auth/auth';
import { GraphQLRequestError } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { CheckboxInput, FormProblem, SelectInput, SubmitButton, TextInput, useErrorText } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';

export const ROLES = ['COORDINATOR', 'HOST', 'SCHOOL_CONTACT', 'FESTIVAL_ORGANISER', 'VOLUNTEER', 'ADMIN'] as const;
export type RoleName = (typeof ROLES)[number];
/** Roles that belong to one organisation (the API checks the kind: a school contact's is a school). */
const SCOPED: readonly RoleName[] = ['SCHOOL_CONTACT', 'FESTIVAL_ORGANISER'];
/** The languages messages are written in (the 12 message catalogues). */
export const MESSAGE_LANGUAGES = ['nl', 'en', 'fr', 'ar', 'prs', 'ps', 'ur', 'so', 'tr', 'ro', 'ru', 'uk'] as const;

const ORGANISATIONS = graphql(`
  query StaffUserOrganisations {
    organisations {
      id
      name
      kind
    }
  }
`);

const INVITE_USER = graphql(`
  mutation StaffInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      displayName
    }
  }
`);

const UPDATE_USER = graphql(`
  mutation StaffUpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      displayName
    }
  }
`);

const rolesSchema = z.object(Object.fromEntries(ROLES.map((role) => [role, z.boolean()])) as Record<RoleName, z.ZodBoolean>);

function withScopeRules<T extends z.ZodType<{ roles: Record<RoleName, boolean>; organisationId: string }>>(schema: T) {
  return schema.superRefine((values, context) => {
    if (!ROLES.some((role) => values.roles[role])) context.addIssue({ code: 'custom', path: ['roles'], message: 'choose' });
    if (SCOPED.some((role) => values.roles[role]) && !values.organisationId) context.addIssue({ code: 'custom', path: ['organisationId'], message: 'choose' });
  });
}

const profileFields = { displayName: v.text(200), roles: rolesSchema, organisationId: z.string(), preferredLanguage: v.choice() };
const inviteSchema = withScopeRules(z.object({ email: v.email(), ...profileFields }));
const editSchema = withScopeRules(z.object(profileFields));

export interface EditableUser {
  id: string;
  email: string;
  displayName: string;
  roles: readonly string[];
  preferredLanguage: string;
  organisation: { id: string } | null;
}

const noRoles = (): Record<RoleName, boolean> => Object.fromEntries(ROLES.map((role) => [role, false])) as Record<RoleName, boolean>;
const chosenRoles = (roles: Record<RoleName, boolean>) => ROLES.filter((role) => roles[role]);

/** Creates an account without a password: the API mails the new user a link to choose one. */
export function InviteUserForm(props: { onSaved(name: string): void }) {
  const { s } = useStaffI18n();
  const invite = useStaffMutation(INVITE_USER);
  const form = useStaffForm({
    schema: inviteSchema,
    defaultValues: { email: '', displayName: '', roles: noRoles(), organisationId: '', preferredLanguage: 'nl' },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        try {
          const { inviteUser } = await invite.mutateAsync({
            input: {
              email: values.email,
              displayName: values.displayName,
              roles: chosenRoles(values.roles),
              organisationId: values.organisationId || null,
              preferredLanguage: values.preferredLanguage,
            },
          });
          props.onSaved(inviteUser.displayName);
        } catch (error) {
          // A taken address is the one conflict this form can cause: say so at the address.
          if (error instanceof GraphQLRequestError && error.code === 'CONFLICT' && error.extensions.field === 'email') {
            form.setError('email', { type: 'api', message: 'emailInUse' }, { shouldFocus: true });
            return;
          }
          throw error;
        }
      })}
    >
      <p className="muted">{s.people.users.inviteHint}</p>
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="email" type="email" autoComplete="off" label={s.people.users.email} isRequired />
      <ProfileFields form={form} />
      <SubmitButton control={form.control}>{s.people.users.sendInvite}</SubmitButton>
    </form>
  );
}

/** Name, roles, scope and language of an existing account (the address stays: it is the login). */
export function EditUserForm(props: { user: EditableUser; onSaved(): void }) {
  const { s } = useStaffI18n();
  const update = useStaffMutation(UPDATE_USER);
  const roles = noRoles();
  for (const role of props.user.roles) if ((ROLES as readonly string[]).includes(role)) roles[role as RoleName] = true;
  const form = useStaffForm({
    schema: editSchema,
    defaultValues: {
      displayName: props.user.displayName,
      roles,
      organisationId: props.user.organisation?.id ?? '',
      preferredLanguage: props.user.preferredLanguage,
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await update.mutateAsync({
          id: props.user.id,
          input: {
            displayName: values.displayName,
            roles: chosenRoles(values.roles),
            organisationId: values.organisationId || null,
            preferredLanguage: values.preferredLanguage,
          },
        });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <p>
        {s.people.users.email}: <strong>{props.user.email}</strong>
        <br />
        <span className="muted">{s.people.users.emailFixed}</span>
      </p>
      <ProfileFields form={form} />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}

type ProfileForm = ReturnType<typeof useStaffForm<typeof editSchema>>;

/** The fields both forms share; the organisation only when a chosen role needs one. */
function ProfileFields(props: { form: unknown }) {
  const form = props.form as ProfileForm;
  const { s } = useStaffI18n();
  const { user } = useAuth();
  const errorText = useErrorText();
  const { errors } = useFormState({ control: form.control });
  const chosen = useWatch({ control: form.control, name: 'roles' });
  const organisations = useStaffQuery(ORGANISATIONS, {});
  const isAdmin = user?.roles.includes('ADMIN') ?? false;
  // Only an admin hands out the admin role; a coordinator does not see it offered.
  const offered = ROLES.filter((role) => role !== 'ADMIN' || isAdmin || chosen.ADMIN);
  const needsScope = SCOPED.some((role) => chosen[role]);
  const rolesError = errorText(errors.roles?.message ?? errors.roles?.root?.message);
  return (
    <>
      <TextInput control={form.control} name="displayName" label={s.people.users.name} isRequired />
      <fieldset className="field" aria-describedby={rolesError ? 'user-roles-error' : 'user-roles-hint'}>
        <legend>{s.people.users.roles}</legend>
        <p id="user-roles-hint" className="muted">
          {s.people.users.rolesHint}
        </p>
        {offered.map((role) => (
          <CheckboxInput key={role} control={form.control} name={`roles.${role}`} label={s.people.roles[role]} isDisabled={role === 'ADMIN' && !isAdmin} />
        ))}
        {rolesError && (
          <p id="user-roles-error" className="field-error">
            {rolesError}
          </p>
        )}
      </fieldset>
      {needsScope && (
        <SelectInput
          control={form.control}
          name="organisationId"
          label={s.people.users.organisation}
          description={s.people.users.scopeHint}
          isRequired
          options={(organisations.data?.organisations ?? []).map((organisation) => ({ id: organisation.id, label: organisation.name }))}
        />
      )}
      <SelectInput
        control={form.control}
        name="preferredLanguage"
        label={s.people.users.language}
        isRequired
        options={MESSAGE_LANGUAGES.map((language) => ({ id: language, label: s.people.languages[language] }))}
      />
    </>
  );
}
