import { Link, Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';
import { NewSessionPage } from './new-session-page';
import { SessionPage } from './session-page';
import { WaitingListsPage } from './waiting-lists-page';
import './sessions.css';

/** The sessions area's pages, mounted under /staff/sessions (the dashboard under /staff). */
export default function SessionsRoutes() {
  return (
    <Switch>
      <Route path="/new">
        <NewSessionPage />
      </Route>
      <Route path="/waiting-lists">
        <WaitingListsPage />
      </Route>
      <Route path="/:id">{(params) => <SessionPage id={params.id} />}</Route>
      <Route path="/">
        <SessionsHome />
      </Route>
    </Switch>
  );
}

function SessionsHome() {
  const { s } = useStaffI18n();
  usePageTitle(s.sessions.title);
  return (
    <>
      <h1>{s.sessions.title}</h1>
      <p>
        <Link href="/new">{s.sessions.create.title}</Link>
      </p>
    </>
  );
}
