import { Link, Route, Switch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffI18n } from '../staff-strings';
import { ClosuresPage } from './closures-page';
import { NewSeriesPage } from './new-series-page';
import { SeriesDetailPage } from './series-detail-page';
import { SeriesEditPage } from './series-edit-page';
import './series.css';

/** Series on the school calendar and closure days, under /staff/series. */
export default function SeriesRoutes() {
  return (
    <Switch>
      <Route path="/new">
        <NewSeriesPage />
      </Route>
      <Route path="/closures">
        <ClosuresPage />
      </Route>
      <Route path="/:id/edit">{(params) => <SeriesEditPage id={params.id} />}</Route>
      <Route path="/:id">{(params) => <SeriesDetailPage id={params.id} />}</Route>
      <Route path="/">
        <SeriesHome />
      </Route>
    </Switch>
  );
}

function SeriesHome() {
  const { s } = useStaffI18n();
  usePageTitle(s.series.title);
  return (
    <>
      <h1>{s.series.title}</h1>
      <p>{s.series.intro}</p>
      <ul className="series-home">
        <li>
          <Link href="/new">{s.series.newSeries}</Link>
        </li>
        <li>
          <Link href="/closures">{s.series.closures.title}</Link>
        </li>
      </ul>
    </>
  );
}
