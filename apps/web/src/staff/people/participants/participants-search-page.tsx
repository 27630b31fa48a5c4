import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { Link } from 'wouter';
import { usePageTitle } from '../../../components/page-title';
import { graphql, type ResultOf } from '../../../graphql/graphql';
import { useStaffQuery } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { DataTable } from '../../ui/data-table';
import { QueryStatus } from '../../ui/query-status';

const SEARCH = graphql(`
  query StaffParticipants($search: String) {
    participants(search: $search, first: 50) {
      id
      firstName
      lastName
      phone
      preferredLanguage
      registeredByOrganisation {
        name
      }
    }
  }
`);

type Row = ResultOf<typeof SEARCH>['participants'][number];

/** /staff/people/participants: name or phone (digits search the phone number, anything else the name). */
export function ParticipantsSearchPage() {
  const { s } = useStaffI18n();
  const t = s.sessions.participants;
  usePageTitle(t.title);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const found = useStaffQuery(SEARCH, { search: search || null });
  const columns: ColumnDef<Row, unknown>[] = [
    {
      id: 'name',
      header: t.name,
      accessorFn: (row) => [row.firstName, row.lastName].filter(Boolean).join(' '),
      cell: (info) => <Link href={`/${info.row.original.id}`}>{String(info.getValue())}</Link>,
    },
    { id: 'phone', header: t.phone, accessorFn: (row) => row.phone ?? '', enableSorting: false },
    { id: 'organisation', header: t.registeredBy, accessorFn: (row) => row.registeredByOrganisation?.name ?? '' },
  ];
  return (
    <>
      <h1>{t.title}</h1>
      <form
        role="search"
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
        }}
      >
        <TextField className="field" value={typed} onChange={setTyped} type="search">
          <Label>{t.search}</Label>
          <Input />
        </TextField>
        <Button type="submit" className="button--secondary">
          {s.common.actions.search}
        </Button>
      </form>
      <QueryStatus query={found}>
        {(data) => (
          <DataTable caption={t.caption} columns={columns} data={data.participants} rowId={(row) => row.id} initialSort={[{ id: 'name', desc: false }]} />
        )}
      </QueryStatus>
    </>
  );
}
