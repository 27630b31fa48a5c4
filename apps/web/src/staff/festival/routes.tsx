import { Route, Switch } from 'wouter';
import { EditionPage } from './edition-page';
import { EditionsPage } from './editions-page';
import './festival.css';

/** Festival set-up under /staff/festival: the editions, and per edition its hours, plots and stand applications. */
export default function FestivalRoutes() {
  return (
    <Switch>
      <Route path="/editions/:id">{(params) => <EditionPage id={params.id} />}</Route>
      <Route path="/">
        <EditionsPage />
      </Route>
    </Switch>
  );
}
