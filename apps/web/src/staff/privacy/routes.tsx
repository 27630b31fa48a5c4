import { Route, Switch } from 'wouter';
import { useStaffI18n } from '../staff-strings';

/** The privacy area's pages, mounted under /staff/privacy. */
export default function PrivacyRoutes() {
  return (
    <Switch>
      <Route path="/">
        <PrivacyHome />
      </Route>
    </Switch>
  );
}

function PrivacyHome() {
  const { s } = useStaffI18n();
  return <h1>{s.privacy.title}</h1>;
}
