import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { usePageTitle } from '../../components/page-title';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { SelectInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { sessionWhen } from './brussels-time';
import { PROGRAMMES_AND_VENUES } from './documents';

const WAITING_LISTS = graphql(`
  query StaffWaitingLists($filter: SessionFilter) {
    mySessions(filter: $filter, first: 100) {
      edges {
        node {
          id
          title
          startsAt
          endsAt
          capacity
          confirmedCount
          waitlistCount
          venue {
            name
          }
          registrations {
            id
            status
            waitlistPosition
            participant {
              id
              firstName
              lastName
              phone
            }
          }
        }
      }
    }
  }
`);

/** Only picks what to show; nothing is saved. */
const pickSchema = z.object({ programmeId: z.string() });

type WaitingSession = ResultOf<typeof WAITING_LISTS>['mySessions']['edges'][number]['node'];
interface WaitingRow {
  id: string;
  session: WaitingSession;
  position: number;
  name: string;
  phone: string;
}

/** /staff/sessions/waiting-lists: everyone waiting in a programme's upcoming sessions, session by session. */
export function WaitingListsPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.sessions.waitingLists.title);
  const choices = useStaffQuery(PROGRAMMES_AND_VENUES, {});
  const form = useStaffForm({ schema: pickSchema, defaultValues: { programmeId: '' } });
  const programmeId = form.watch('programmeId');
  return (
    <>
      <h1>{s.sessions.waitingLists.title}</h1>
      <QueryStatus query={choices}>
        {(data) => (
          <SelectInput
            control={form.control}
            name="programmeId"
            label={s.sessions.fields.programme}
            options={data.programmes.map((programme) => ({ id: programme.id, label: programme.name }))}
          />
        )}
      </QueryStatus>
      {programmeId && <WaitingLists programmeId={programmeId} />}
    </>
  );
}

function WaitingLists(props: { programmeId: string }) {
  const { s, format, language } = useStaffI18n();
  const [from] = useState(() => new Date().toISOString());
  const sessions = useStaffQuery(WAITING_LISTS, { filter: { programmeId: props.programmeId, from } });
  const columns: ColumnDef<WaitingRow, unknown>[] = [
    {
      id: 'session',
      header: s.sessions.waitingLists.session,
      accessorFn: (row) => row.session.startsAt,
      cell: (info) => (
        <Link href={`/${info.row.original.session.id}`}>
          {info.row.original.session.title}, {sessionWhen(info.row.original.session.startsAt, info.row.original.session.endsAt, language)}
        </Link>
      ),
    },
    { id: 'position', header: s.sessions.registrations.position, accessorFn: (row) => row.position },
    { id: 'name', header: s.sessions.registrations.name, accessorFn: (row) => row.name },
    { id: 'phone', header: s.sessions.registrations.phone, accessorFn: (row) => row.phone, enableSorting: false },
  ];
  return (
    <QueryStatus query={sessions}>
      {(data) => {
        const rows: WaitingRow[] = data.mySessions.edges.flatMap(({ node }) =>
          node.registrations
            .filter((r) => r.status === 'WAITLISTED')
            .map((r) => ({
              id: r.id,
              session: node,
              position: r.waitlistPosition ?? 0,
              name: [r.participant.firstName, r.participant.lastName].filter(Boolean).join(' '),
              phone: r.participant.phone ?? '',
            })),
        );
        const waitingSessions = data.mySessions.edges.filter(({ node }) => node.waitlistCount > 0).length;
        return (
          <>
            <p>{format(s.sessions.waitingLists.summary, { people: rows.length, sessions: waitingSessions })}</p>
            <DataTable
              caption={s.sessions.waitingLists.caption}
              columns={columns}
              data={rows}
              rowId={(row) => row.id}
              initialSort={[
                { id: 'session', desc: false },
                { id: 'position', desc: false },
              ]}
            />
          </>
        );
      }}
    </QueryStatus>
  );
}
