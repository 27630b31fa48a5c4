import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';

/** The programmes area's pages, mounted under /staff/programmes (the dashboard under /staff). */
export default function ProgrammesRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ProgrammesHome />
      </Route>
    </Switch>
  );
}

function ProgrammesHome() {
  const { s } = useStaffI18n();
  usePageTitle(s.programmes.title);
  return <h1>{s.programmes.title}</h1>;
}
