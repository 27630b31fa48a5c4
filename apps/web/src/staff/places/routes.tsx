import { Redirect, Route, Switch } from 'wouter';
import { OrganisationPage } from './organisation-page';
import { OrganisationsPage } from './organisations-page';
import { VenuesPage } from './venues-page';
import './places.css';

/** Organisations and their venues, under /staff/places. */
export default function PlacesRoutes() {
  return (
    <Switch>
      <Route path="/organisations">
        <OrganisationsPage />
      </Route>
      <Route path="/organisations/:id">{(params) => <OrganisationPage id={params.id} />}</Route>
      <Route path="/venues">
        <VenuesPage />
      </Route>
      <Route path="/">
        <Redirect to="/organisations" replace />
      </Route>
    </Switch>
  );
}
