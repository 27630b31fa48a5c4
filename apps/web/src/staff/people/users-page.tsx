import type { ColumnDef } from '@tanstack/react-table';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { usePageTitle } from '../../components/page-title';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { EditUserForm, InviteUserForm, ROLES, type RoleName } from './user-form';

const USERS_QUERY = graphql(`
  query StaffUsers($search: String, $role: Role, $includeInactive: Boolean) {
    users(search: $search, role: $role, includeInactive: $includeInactive) {
      id
      email
      displayName
      roles
      preferredLanguage
      active
      invitationPending
      organisation {
        id
        name
      }
    }
  }
`);

const DEACTIVATE_USER = graphql(`
  mutation StaffDeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);

const REACTIVATE_USER = graphql(`
  mutation StaffReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      active
    }
  }
`);

const RESEND_INVITATION = graphql(`
  mutation StaffResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      email
    }
  }
`);

const ME_QUERY = graphql(`
  query StaffPeopleMe {
    me {
      id
    }
  }
`);

type UserRow = ResultOf<typeof USERS_QUERY>['users'][number];

/** /staff/people/users: find, invite, change, deactivate and reactivate user accounts. */
export function UsersPage() {
  const { s, format } = useStaffI18n();
  usePageTitle(s.people.users.title);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<RoleName | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const ids = { search: useId(), role: useId(), inactive: useId() };
  // Nobody deactivates their own account (the API refuses it too): the button is not offered.
  const me = useStaffQuery(ME_QUERY, {});
  const users = useStaffQuery(USERS_QUERY, { search: search.trim() || null, role: role || null, includeInactive });
  const roleNames = (roles: readonly string[]) => roles.map((name) => s.people.roles[name as RoleName] ?? name).join(', ');
  const columns: ColumnDef<UserRow, unknown>[] = [
    { id: 'name', header: s.people.users.name, accessorFn: (row) => row.displayName },
    { id: 'email', header: s.people.users.email, accessorFn: (row) => row.email },
    { id: 'roles', header: s.people.users.roles, accessorFn: (row) => roleNames(row.roles) },
    { id: 'organisation', header: s.people.users.organisation, accessorFn: (row) => row.organisation?.name ?? '' },
    {
      id: 'status',
      header: s.people.users.status,
      accessorFn: (row) => (!row.active ? s.common.inactive : row.invitationPending ? s.people.users.invited : s.common.active),
    },
    {
      id: 'actions',
      header: s.people.users.actions,
      enableSorting: false,
      cell: ({ row }) => <UserActions user={row.original} isViewer={row.original.id === me.data?.me?.id} onDone={setStatus} />,
    },
  ];
  return (
    <>
      <h1>{s.people.users.title}</h1>
      <p>{s.people.users.intro}</p>
      <div className="toolbar">
        <DialogButton label={s.people.users.invite} title={s.people.users.invite} className="people-invite">
          {(close) => (
            <InviteUserForm
              onSaved={(name) => {
                setStatus(format(s.people.users.invitedDone, { name }));
                close();
              }}
            />
          )}
        </DialogButton>
      </div>
      <div className="people-filters" role="search">
        <div className="field">
          <label htmlFor={ids.search}>{s.people.users.search}</label>
          <input id={ids.search} type="search" value={search} maxLength={200} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{s.people.users.roleFilter}</label>
          <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value as RoleName | '')}>
            <option value="">{s.people.users.allRoles}</option>
            {ROLES.map((name) => (
              <option key={name} value={name}>
                {s.people.roles[name]}
              </option>
            ))}
          </select>
        </div>
        <div className="people-filters__check">
          <input id={ids.inactive} type="checkbox" checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)} />
          <label htmlFor={ids.inactive}>{s.people.users.includeInactive}</label>
        </div>
      </div>
      <p role="status" className={status ? 'notice notice--ok' : undefined}>
        {status}
      </p>
      <QueryStatus query={users}>
        {(data) => (
          <DataTable caption={s.people.users.caption} columns={columns} data={data.users} rowId={(row) => row.id} initialSort={[{ id: 'name', desc: false }]} />
        )}
      </QueryStatus>
    </>
  );
}

function UserActions(props: { user: UserRow; isViewer: boolean; onDone(message: string): void }) {
  const { s, format } = useStaffI18n();
  const { user } = props;
  const name = { name: user.displayName, email: user.email };
  const deactivate = useStaffMutation(DEACTIVATE_USER);
  const reactivate = useStaffMutation(REACTIVATE_USER);
  const resend = useStaffMutation(RESEND_INVITATION);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, done: string, close: () => void) => {
    setProblem(null);
    try {
      await action();
      props.onDone(done);
      close();
    } catch {
      setProblem(s.common.apiErrors.other);
    }
  };
  return (
    <div className="row-actions">
      <DialogButton label={s.common.actions.edit} title={format(s.people.users.edit, name)}>
        {(close) => (
          <EditUserForm
            user={user}
            onSaved={() => {
              props.onDone(s.common.saved);
              close();
            }}
          />
        )}
      </DialogButton>
      {props.isViewer ? null : user.active ? (
        <DialogButton label={s.common.actions.deactivate} title={format(s.people.users.deactivateFor, name)}>
          {(close) => (
            <>
              <p>{format(s.people.users.deactivateQuestion, name)}</p>
              {problem && <p className="notice notice--error">{problem}</p>}
              <Button onPress={() => void run(() => deactivate.mutateAsync({ id: user.id }), format(s.people.users.deactivated, name), close)}>
                {s.common.actions.deactivate}
              </Button>
            </>
          )}
        </DialogButton>
      ) : (
        <DialogButton label={s.common.actions.activate} title={format(s.people.users.reactivateFor, name)}>
          {(close) => (
            <>
              <p>{format(s.people.users.reactivateQuestion, name)}</p>
              {problem && <p className="notice notice--error">{problem}</p>}
              <Button onPress={() => void run(() => reactivate.mutateAsync({ id: user.id }), format(s.people.users.reactivated, name), close)}>
                {s.common.actions.activate}
              </Button>
            </>
          )}
        </DialogButton>
      )}
      {user.active && user.invitationPending && (
        <DialogButton label={s.people.users.resend} title={format(s.people.users.resendFor, name)}>
          {(close) => (
            <>
              {problem && <p className="notice notice--error">{problem}</p>}
              <Button onPress={() => void run(() => resend.mutateAsync({ id: user.id }), format(s.people.users.resent, name), close)}>
                {s.people.users.resend}
              </Button>
            </>
          )}
        </DialogButton>
      )}
    </div>
  );
}
