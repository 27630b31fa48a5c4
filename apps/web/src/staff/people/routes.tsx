import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';
import { ParticipantsRoutes } from './participants/routes';

/** The people area's pages, mounted under /staff/people (the dashboard under /staff). */
export default function PeopleRoutes() {
  return (
    <Switch>
      <Route path="/participants" nest>
        <ParticipantsRoutes />
      </Route>
      <Route path="/">
        <PeopleHome />
      </Route>
    </Switch>
  );
}

function PeopleHome() {
  const { s } = useStaffI18n();
  usePageTitle(s.people.title);
  return <h1>{s.people.title}</h1>;
}
