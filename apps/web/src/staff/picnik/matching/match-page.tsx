import { useStaffI18n } from '../../staff-strings';

export function MatchPage(_props: { id: string }) {
  const { s } = useStaffI18n();
  return <h1>{s.matching.title}</h1>;
}
