import type { ColumnDef } from '@tanstack/react-table';
import { DateTime } from 'luxon';
import { Button } from 'react-aria-components';
import { Link } from 'wouter';
import { usePageTitle } from '../../../components/page-title';
import { graphql } from '../../../graphql/graphql';
import { TIME_ZONE } from '../../../time';
import { useStaffMutation, useStaffQuery } from '../../data';
import { sessionWhen } from '../../sessions/brussels-time';
import { useStaffI18n } from '../../staff-strings';
import { DialogButton } from '../../ui/confirm-dialog';
import { DataTable } from '../../ui/data-table';
import { QueryStatus } from '../../ui/query-status';
import { ContactForm } from './contact-form';
import { PARTICIPANT, type StaffParticipant } from './participant-query';

type HistoryRow = StaffParticipant['registrations'][number];

const RECORD_CONSENT = graphql(`
  mutation StaffRecordConsent($participantId: ID!, $consent: Boolean!) {
    recordConsent(participantId: $participantId, consent: $consent) {
      id
    }
  }
`);

/** /staff/people/participants/:id: contact details, consent, and every registration with attendance. */
export function ParticipantPage(props: { id: string }) {
  const { s } = useStaffI18n();
  const participant = useStaffQuery(PARTICIPANT, { id: props.id });
  usePageTitle(participant.data?.participant?.firstName ?? s.sessions.participants.title);
  return (
    <QueryStatus query={participant}>
      {(data) => (data.participant ? <ParticipantDetails participant={data.participant} /> : <p>{s.sessions.participants.notFound}</p>)}
    </QueryStatus>
  );
}

function ParticipantDetails(props: { participant: StaffParticipant }) {
  const { s, format, language } = useStaffI18n();
  const t = s.sessions.participants;
  const p = props.participant;
  const languageName = new Intl.DisplayNames([language], { type: 'language' }).of(p.preferredLanguage) ?? p.preferredLanguage;
  const columns: ColumnDef<HistoryRow, unknown>[] = [
    {
      id: 'session',
      header: t.session,
      accessorFn: (row) => row.session.startsAt,
      cell: (info) => (
        <Link href={`~/staff/sessions/${info.row.original.session.id}`}>
          {info.row.original.session.title}, {sessionWhen(info.row.original.session.startsAt, info.row.original.session.endsAt, language)}
        </Link>
      ),
    },
    { id: 'status', header: t.status, accessorFn: (row) => s.sessions.registrationStatus[row.status] },
  ];
  const attended = p.registrations.filter((r) => r.status === 'ATTENDED').length;
  return (
    <>
      <h1>{[p.firstName, p.lastName].filter(Boolean).join(' ')}</h1>
      <dl className="session-facts">
        <dt>{t.phone}</dt>
        <dd>{p.phone ?? t.none}</dd>
        <dt>{t.email}</dt>
        <dd>{p.email ?? t.none}</dd>
        <dt>{t.language}</dt>
        <dd>{languageName}</dd>
        <dt>{t.channel}</dt>
        <dd>{s.sessions.channels[p.contactChannel]}</dd>
        <dt>{t.consent}</dt>
        <dd>
          {p.consentToContact ? t.consentYes : t.consentNo}
          {p.consentRecordedAt &&
            ` (${format(t.consentSince, { date: DateTime.fromISO(p.consentRecordedAt, { zone: TIME_ZONE }).setLocale(language).toLocaleString(DateTime.DATE_MED) })})`}
        </dd>
        <dt>{t.registeredBy}</dt>
        <dd>{p.registeredByOrganisation?.name ?? t.none}</dd>
      </dl>
      {!p.restricted && (
        <div className="toolbar">
          <DialogButton label={t.edit} title={t.edit}>
            {(close) => <ContactForm participant={p} onSaved={close} />}
          </DialogButton>
          <DialogButton label={p.consentToContact ? t.withdrawConsent : t.giveConsent} title={t.consentTitle}>
            {(close) => <ConsentChange participant={p} onDone={close} />}
          </DialogButton>
        </div>
      )}
      <h2>{t.history}</h2>
      <p>{format(t.historySummary, { count: p.registrations.length, attended, noShows: p.noShowCount })}</p>
      <DataTable caption={t.historyCaption} columns={columns} data={p.registrations} rowId={(row) => row.id} initialSort={[{ id: 'session', desc: true }]} />
    </>
  );
}

function ConsentChange(props: { participant: StaffParticipant; onDone(): void }) {
  const { s } = useStaffI18n();
  const t = s.sessions.participants;
  const record = useStaffMutation(RECORD_CONSENT);
  const giving = !props.participant.consentToContact;
  return (
    <>
      <p>{giving ? t.giveConsentText : t.withdrawConsentText}</p>
      {record.isError && <p role="alert">{s.common.apiErrors.other}</p>}
      <Button
        className="button--secondary"
        isDisabled={record.isPending}
        onPress={() => record.mutate({ participantId: props.participant.id, consent: giving }, { onSuccess: props.onDone })}
      >
        {giving ? t.giveConsent : t.withdrawConsent}
      </Button>
    </>
  );
}
