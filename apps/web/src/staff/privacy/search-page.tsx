import type { ColumnDef } from '@tanstack/react-table';
import { type ReactNode, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { Link } from 'wouter';
import { useAuth } from '../../auth/auth';
import { usePageTitle } from '../../components/page-title';
import type { ResultOf } from '../../graphql/graphql';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { FIND_PARTICIPANTS, FIND_USERS } from './queries';

type ParticipantRow = ResultOf<typeof FIND_PARTICIPANTS>['participants'][number];
type UserRow = ResultOf<typeof FIND_USERS>['users'][number];

/** /staff/privacy: find the person a privacy request is about, a participant or a user. */
export function PrivacySearchPage() {
  const { s } = useStaffI18n();
  const t = s.privacy.home;
  const { user } = useAuth();
  usePageTitle(s.privacy.title);
  return (
    <>
      <h1>{s.privacy.title}</h1>
      <p>{t.intro}</p>
      <ul className="privacy-links">
        <li>
          <Link href="/retention">{s.privacy.retention.title}</Link>
        </li>
        {user?.roles.includes('ADMIN') && (
          <li>
            <Link href="/audit">{s.privacy.audit.title}</Link>
          </li>
        )}
      </ul>
      <ParticipantSearch />
      <UserSearch />
    </>
  );
}

/** `name` names the search landmark (there are two on the page), `label` its field. */
function SearchForm(props: { name: string; label: string; onSearch(search: string): void }) {
  const { s } = useStaffI18n();
  const [typed, setTyped] = useState('');
  return (
    <form
      role="search"
      aria-label={props.name}
      className="toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(typed.trim());
      }}
    >
      <TextField className="field" value={typed} onChange={setTyped} type="search">
        <Label>{props.label}</Label>
        <Input />
      </TextField>
      <Button type="submit" className="button--secondary">
        {s.common.actions.search}
      </Button>
    </form>
  );
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <section className="privacy-section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

function ParticipantSearch() {
  const { s } = useStaffI18n();
  const t = s.privacy.home.participants;
  const [search, setSearch] = useState<string | null>(null);
  const found = useStaffQuery(FIND_PARTICIPANTS, { search }, { enabled: search !== null });
  const columns: ColumnDef<ParticipantRow, unknown>[] = [
    {
      id: 'name',
      header: t.name,
      accessorFn: (row) => [row.firstName, row.lastName].filter(Boolean).join(' '),
      cell: (info) => <Link href={`/participants/${info.row.original.id}`}>{String(info.getValue())}</Link>,
    },
    { id: 'phone', header: t.phone, accessorFn: (row) => row.phone ?? '', enableSorting: false },
  ];
  return (
    <Section title={t.heading}>
      <SearchForm name={t.heading} label={t.search} onSearch={setSearch} />
      {search !== null && (
        <QueryStatus query={found}>
          {(data) => <DataTable caption={t.caption} columns={columns} data={data.participants} rowId={(row) => row.id} />}
        </QueryStatus>
      )}
    </Section>
  );
}

function UserSearch() {
  const { s } = useStaffI18n();
  const t = s.privacy.home.users;
  const [search, setSearch] = useState<string | null>(null);
  const found = useStaffQuery(FIND_USERS, { search }, { enabled: search !== null });
  const columns: ColumnDef<UserRow, unknown>[] = [
    {
      id: 'name',
      header: t.name,
      accessorFn: (row) => row.displayName,
      cell: (info) => <Link href={`/users/${info.row.original.id}`}>{info.row.original.displayName}</Link>,
    },
    { id: 'email', header: t.email, accessorFn: (row) => row.email, enableSorting: false },
  ];
  return (
    <Section title={t.heading}>
      <SearchForm name={t.heading} label={t.search} onSearch={setSearch} />
      {search !== null && (
        <QueryStatus query={found}>{(data) => <DataTable caption={t.caption} columns={columns} data={data.users} rowId={(row) => row.id} />}</QueryStatus>
      )}
    </Section>
  );
}
