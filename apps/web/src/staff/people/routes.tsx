import { Redirect, Route, Switch } from 'wouter';
import { ParticipantsRoutes } from './participants/routes';
import { UsersPage } from './users-page';
import './people.css';

/** The people area's pages, mounted under /staff/people: user accounts, and the participants. */
export default function PeopleRoutes() {
  return (
    <Switch>
      <Route path="/users">
        <UsersPage />
      </Route>
      <Route path="/participants" nest>
        <ParticipantsRoutes />
      </Route>
      <Route path="/">
        <Redirect to="/users" replace />
      </Route>
    </Switch>
  );
}
