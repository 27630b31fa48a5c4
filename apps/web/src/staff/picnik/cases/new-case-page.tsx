import { useStaffI18n } from '../../staff-strings';

export function NewCasePage() {
  const { s } = useStaffI18n();
  return <h1>{s.picnik.title}</h1>;
}
