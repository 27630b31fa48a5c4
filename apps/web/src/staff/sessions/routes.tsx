import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';

/** The sessions area's pages, mounted under /staff/sessions (the dashboard under /staff). */
export default function SessionsRoutes() {
  return (
    <Switch>
      <Route path="/">
        <SessionsHome />
      </Route>
    </Switch>
  );
}

function SessionsHome() {
  const { s } = useStaffI18n();
  usePageTitle(s.sessions.title);
  return <h1>{s.sessions.title}</h1>;
}
