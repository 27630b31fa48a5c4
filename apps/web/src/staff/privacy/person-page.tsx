import { useState } from 'react';
import { Link } from 'wouter';
import { useAuth } from '../../auth/auth';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { QueryStatus } from '../ui/query-status';
import { ConsentSection } from './consent-section';
import { EraseSection } from './erase-section';
import { ExportSection } from './export-section';
import { FIND_USERS, PRIVACY_ME, PRIVACY_PARTICIPANT, type SubjectKind } from './queries';

/** /staff/privacy/participants/:id and /staff/privacy/users/:id: one person's privacy requests. */
export function PersonPrivacyPage(props: { kind: SubjectKind; id: string }) {
  return props.kind === 'participant' ? <ParticipantPrivacy id={props.id} /> : <UserPrivacy id={props.id} />;
}

function ParticipantPrivacy(props: { id: string }) {
  const { s } = useStaffI18n();
  const participant = useStaffQuery(PRIVACY_PARTICIPANT, { id: props.id });
  return (
    <QueryStatus query={participant}>
      {(data) =>
        data.participant ? (
          <PersonPrivacy kind="participant" id={props.id} name={[data.participant.firstName, data.participant.lastName].filter(Boolean).join(' ')} />
        ) : (
          <NotFound text={s.privacy.person.notFound} />
        )
      }
    </QueryStatus>
  );
}

function UserPrivacy(props: { id: string }) {
  const { s } = useStaffI18n();
  const { user: reader } = useAuth();
  const users = useStaffQuery(FIND_USERS, { search: null });
  const me = useStaffQuery(PRIVACY_ME, {});
  return (
    <QueryStatus query={users}>
      {(data) => {
        const user = data.users.find((candidate) => candidate.id === props.id);
        if (!user) return <NotFound text={s.privacy.person.notFound} />;
        // As the API: nobody erases their own account, and only an admin erases an admin.
        const cannotErase =
          me.data?.me?.id === user.id
            ? s.privacy.erase.notYourself
            : user.roles.includes('ADMIN') && !reader?.roles.includes('ADMIN')
              ? s.privacy.erase.onlyAdmin
              : null;
        return <PersonPrivacy kind="user" id={props.id} name={user.displayName} cannotErase={cannotErase} />;
      }}
    </QueryStatus>
  );
}

function NotFound(props: { text: string }) {
  const { s } = useStaffI18n();
  usePageTitle(s.privacy.title);
  return (
    <>
      <h1>{s.privacy.title}</h1>
      <p>{props.text}</p>
      <BackLink />
    </>
  );
}

function BackLink() {
  const { s } = useStaffI18n();
  return <Link href="/">{s.privacy.person.back}</Link>;
}

function PersonPrivacy(props: { kind: SubjectKind; id: string; name: string; cannotErase?: string | null }) {
  const { s, format } = useStaffI18n();
  const t = s.privacy.person;
  const { user } = useAuth();
  const [erased, setErased] = useState(false);
  const title = format(t.title, { name: props.name });
  usePageTitle(erased ? t.erasedTitle : title);
  if (erased) {
    return (
      <>
        <h1>{t.erasedTitle}</h1>
        <p role="status">{t.erasedDone}</p>
        <BackLink />
      </>
    );
  }
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{props.kind === 'participant' ? t.kindParticipant : t.kindUser}</p>
      <p>
        <BackLink />
        {user?.roles.includes('ADMIN') && (
          <>
            {' · '}
            <Link href={`/audit?subject=${props.id}`}>{t.auditLink}</Link>
          </>
        )}
      </p>
      <ExportSection kind={props.kind} id={props.id} />
      {props.kind === 'participant' && <ConsentSection participantId={props.id} />}
      {props.cannotErase ? (
        <section className="privacy-section">
          <h2>{s.privacy.erase.heading}</h2>
          <p>{props.cannotErase}</p>
        </section>
      ) : (
        <EraseSection kind={props.kind} id={props.id} name={props.name} onErased={() => setErased(true)} />
      )}
    </>
  );
}
