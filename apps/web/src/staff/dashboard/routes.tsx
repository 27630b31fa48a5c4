import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';

/** The dashboard area's pages, mounted under /staff/dashboard (the dashboard under /staff). */
export default function DashboardRoutes() {
  return (
    <Switch>
      <Route path="/">
        <DashboardHome />
      </Route>
    </Switch>
  );
}

function DashboardHome() {
  const { s } = useStaffI18n();
  usePageTitle(s.dashboard.title);
  return <h1>{s.dashboard.title}</h1>;
}
