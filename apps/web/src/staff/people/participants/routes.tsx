import { Route, Switch } from 'wouter';
import { ParticipantPage } from './participant-page';
import { ParticipantsSearchPage } from './participants-search-page';

/** Participants, under /staff/people/participants: search by name or phone, then one participant's page. */
export function ParticipantsRoutes() {
  return (
    <Switch>
      <Route path="/:id">{(params) => <ParticipantPage id={params.id} />}</Route>
      <Route path="/">
        <ParticipantsSearchPage />
      </Route>
    </Switch>
  );
}
