import { Route, Switch } from 'wouter';
import { DashboardPage } from './dashboard-page';
import './dashboard.css';

/** The dashboard, the coordinator's first page after signing in (/staff). */
export default function DashboardRoutes() {
  return (
    <Switch>
      <Route path="/">
        <DashboardPage />
      </Route>
    </Switch>
  );
}
