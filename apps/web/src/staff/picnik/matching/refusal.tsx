import { Link } from 'wouter';
import { useStaffI18n } from '../../staff-strings';

export interface RefusalState {
  code: string | undefined;
  extensions: Record<string, unknown>;
}

/** Why the API refused the match, in the reader's words; for an organisation, a link to record its screening. */
export function Refusal(props: { refusal: RefusalState }) {
  const { s, format } = useStaffI18n();
  const { code, extensions } = props.refusal;
  const text = (key: string) => (typeof extensions[key] === 'string' ? (extensions[key] as string) : '');
  if (code === 'ORGANISATION_NOT_SCREENED') {
    const name = text('organisationName');
    const sentence =
      extensions.reason === 'EXPIRED' ? format(s.matching.refusedExpired, { name, date: text('expiredOn') }) : format(s.matching.refusedNotScreened, { name });
    return (
      <div className="notice notice--error" role="alert">
        <p>{sentence}</p>
        <p>
          <Link href={`~/staff/places/organisations/${text('organisationId')}`}>{format(s.matching.recordScreening, { name })}</Link>
        </p>
      </div>
    );
  }
  if (code === 'VOLUNTEER_NOT_SCREENED') {
    return (
      <p className="notice notice--error" role="alert">
        {format(s.matching.refusedVolunteer, { name: text('volunteerName') })}
      </p>
    );
  }
  const known = code && code in s.common.apiErrors ? s.common.apiErrors[code as keyof typeof s.common.apiErrors] : s.common.apiErrors.other;
  return (
    <p className="notice notice--error" role="alert">
      {known}
    </p>
  );
}
