import { Route, Switch } from 'wouter';
import { useStaffI18n } from '../staff-strings';

/** The volunteers area's pages, mounted under /staff/volunteers. */
export default function VolunteersRoutes() {
  return (
    <Switch>
      <Route path="/">
        <VolunteersHome />
      </Route>
    </Switch>
  );
}

function VolunteersHome() {
  const { s } = useStaffI18n();
  return <h1>{s.volunteers.title}</h1>;
}
