import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';

/** The series area's pages, mounted under /staff/series (the dashboard under /staff). */
export default function SeriesRoutes() {
  return (
    <Switch>
      <Route path="/">
        <SeriesHome />
      </Route>
    </Switch>
  );
}

function SeriesHome() {
  const { s } = useStaffI18n();
  usePageTitle(s.series.title);
  return <h1>{s.series.title}</h1>;
}
