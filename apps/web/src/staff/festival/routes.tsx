import { Route, Switch } from 'wouter';
import { useStaffI18n } from '../staff-strings';

/** The festival area's pages, mounted under /staff/festival. */
export default function FestivalRoutes() {
  return (
    <Switch>
      <Route path="/">
        <FestivalHome />
      </Route>
    </Switch>
  );
}

function FestivalHome() {
  const { s } = useStaffI18n();
  return <h1>{s.festival.title}</h1>;
}
