import { Button } from 'react-aria-components';
import { z } from 'zod';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { FormProblem, SelectInput, SubmitButton } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { ASSIGN_HOST, HOST_CANDIDATES, type StaffSession, UNASSIGN_HOST } from './documents';

const assignSchema = z.object({ userId: v.choice() });

/** The session's hosts: remove one, or add a user with the HOST or VOLUNTEER role. */
export function HostsForm(props: { session: StaffSession }) {
  const { s, format } = useStaffI18n();
  const t = s.sessions.hosts;
  const candidates = useStaffQuery(HOST_CANDIDATES, {});
  const assign = useStaffMutation(ASSIGN_HOST);
  const unassign = useStaffMutation(UNASSIGN_HOST);
  const form = useStaffForm({ schema: assignSchema, defaultValues: { userId: '' } });
  const current = new Set(props.session.hosts.map((host) => host.id));
  return (
    <>
      {props.session.hosts.length === 0 ? (
        <p>{s.sessions.session.noHosts}</p>
      ) : (
        <ul aria-label={t.current}>
          {props.session.hosts.map((host) => (
            <li key={host.id}>
              {host.displayName}{' '}
              <Button
                className="button--secondary"
                isDisabled={unassign.isPending}
                onPress={() => unassign.mutate({ sessionId: props.session.id, userId: host.id })}
              >
                {format(t.remove, { name: host.displayName })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {unassign.isError && <p role="alert">{s.common.apiErrors.other}</p>}
      <QueryStatus query={candidates}>
        {(data) => (
          <form
            noValidate
            onSubmit={form.submit(async (values) => {
              await assign.mutateAsync({ sessionId: props.session.id, userId: values.userId });
              form.reset({ userId: '' });
            })}
          >
            <FormProblem control={form.control} />
            <SelectInput
              control={form.control}
              name="userId"
              label={t.add}
              isRequired
              options={data.sessionHostCandidates.filter((user) => !current.has(user.id)).map((user) => ({ id: user.id, label: user.displayName }))}
            />
            <SubmitButton control={form.control}>{t.submit}</SubmitButton>
          </form>
        )}
      </QueryStatus>
    </>
  );
}
