import { Route, Switch } from 'wouter';
import { useStaffI18n } from '../staff-strings';

/** The messages area's pages, mounted under /staff/messages. */
export default function MessagesRoutes() {
  return (
    <Switch>
      <Route path="/">
        <MessagesHome />
      </Route>
    </Switch>
  );
}

function MessagesHome() {
  const { s } = useStaffI18n();
  return <h1>{s.messages.title}</h1>;
}
