import { useStaffI18n } from '../../staff-strings';

export function MeetingsPage() {
  const { s } = useStaffI18n();
  return <h1>{s.picnikReport.title}</h1>;
}
