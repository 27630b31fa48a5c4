import { useStaffI18n } from '../../staff-strings';

export function CasesBoardPage() {
  const { s } = useStaffI18n();
  return <h1>{s.picnik.title}</h1>;
}
