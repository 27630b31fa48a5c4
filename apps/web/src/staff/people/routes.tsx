import { Redirect, Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';
import { UsersPage } from './users-page';
import './people.css';

/** The people area's pages, mounted under /staff/people: user accounts, and participants (another piece). */
export default function PeopleRoutes() {
  return (
    <Switch>
      <Route path="/users">
        <UsersPage />
      </Route>
      <Route path="/participants">
        <ParticipantsPlaceholder />
      </Route>
      <Route path="/">
        <Redirect to="/users" replace />
      </Route>
    </Switch>
  );
}

/** Replaced by the participants pages (people/participants/**). */
function ParticipantsPlaceholder() {
  const { s } = useStaffI18n();
  usePageTitle(s.common.nav.participants);
  return <h1>{s.common.nav.participants}</h1>;
}
