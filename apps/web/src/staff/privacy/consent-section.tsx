import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ResultOf } from '../../graphql/graphql';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { useDateTime } from './privacy-words';
import { CONSENT_HISTORY, RECORD_CONSENT } from './queries';

type ConsentRow = ResultOf<typeof CONSENT_HISTORY>['consentHistory'][number];

/** Consent to be contacted: the answer now, every earlier one with when and who, and a button to record the other answer. */
export function ConsentSection(props: { participantId: string }) {
  const { s } = useStaffI18n();
  const t = s.privacy.consent;
  const dateTime = useDateTime();
  const history = useStaffQuery(CONSENT_HISTORY, { participantId: props.participantId });
  const columns: ColumnDef<ConsentRow, unknown>[] = [
    { id: 'when', header: t.when, accessorFn: (row) => row.recordedAt, cell: (info) => dateTime(info.row.original.recordedAt) },
    { id: 'answer', header: t.answer, accessorFn: (row) => (row.consent ? t.yes : t.no) },
    { id: 'by', header: t.by, accessorFn: (row) => row.recordedBy?.displayName ?? t.system },
  ];
  return (
    <section className="privacy-section">
      <h2>{t.heading}</h2>
      <QueryStatus query={history}>
        {(data) => {
          const current = data.consentHistory[0];
          return (
            <>
              <p>{current ? (current.consent ? t.nowYes : t.nowNo) : t.never}</p>
              <RecordConsentButton participantId={props.participantId} consent={!current?.consent} />
              {data.consentHistory.length > 0 && (
                <DataTable
                  caption={t.caption}
                  columns={columns}
                  data={data.consentHistory}
                  rowId={(row) => `${row.recordedAt}-${String(row.consent)}`}
                  initialSort={[{ id: 'when', desc: true }]}
                />
              )}
            </>
          );
        }}
      </QueryStatus>
    </section>
  );
}

function RecordConsentButton(props: { participantId: string; consent: boolean }) {
  const { s } = useStaffI18n();
  const t = s.privacy.consent;
  const record = useStaffMutation(RECORD_CONSENT);
  const [message, setMessage] = useState<string | null>(null);
  const press = async () => {
    setMessage(null);
    try {
      await record.mutateAsync({ participantId: props.participantId, consent: props.consent });
      setMessage(props.consent ? t.givenDone : t.withdrawnDone);
    } catch {
      setMessage(s.common.apiErrors.other);
    }
  };
  return (
    <div className="toolbar">
      <Button className="button--secondary" isDisabled={record.isPending} onPress={() => void press()}>
        {props.consent ? t.give : t.withdraw}
      </Button>
      <p role="status" className="privacy-status">
        {message}
      </p>
    </div>
  );
}
