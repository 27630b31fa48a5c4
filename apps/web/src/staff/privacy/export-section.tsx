import { useState } from 'react';
import { Button } from 'react-aria-components';
import { downloadFile } from '../../components/download';
import { request } from '../../graphql/client';
import { useStaffI18n } from '../staff-strings';
import { brusselsDate } from './privacy-words';
import { EXPORT_PERSONAL_DATA, type SubjectKind, subjectOf } from './queries';

/** The export's file, dated by the API's clock: the date first, so a folder of answered requests sorts by date. */
const fileNameOf = (kind: SubjectKind, id: string, exportedAt: string) => `personal-data-${brusselsDate(exportedAt)}-${kind}-${id.slice(0, 8)}.json`;

/** Everything held about the person, downloaded as one JSON file to hand to them (the export is recorded in the audit log). */
export function ExportSection(props: { kind: SubjectKind; id: string }) {
  const { s, format } = useStaffI18n();
  const t = s.privacy.export;
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const download = async () => {
    setState({ busy: true, message: null });
    try {
      const { exportPersonalData } = await request(EXPORT_PERSONAL_DATA, { subject: subjectOf(props.kind, props.id) });
      const file = fileNameOf(props.kind, props.id, exportPersonalData.exportedAt);
      downloadFile(file, JSON.stringify(exportPersonalData.document, null, 2), 'application/json');
      setState({ busy: false, message: format(t.done, { file }) });
    } catch {
      setState({ busy: false, message: t.failed });
    }
  };
  return (
    <section className="privacy-section">
      <h2>{t.heading}</h2>
      <p>{t.intro}</p>
      <Button className="button--secondary" isDisabled={state.busy} onPress={() => void download()}>
        {state.busy ? t.busy : t.button}
      </Button>
      <p role="status" className="privacy-status">
        {state.message}
      </p>
    </section>
  );
}
