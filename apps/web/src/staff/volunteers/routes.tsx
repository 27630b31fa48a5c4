import { Route, Switch } from 'wouter';
import { DayPlanningPage, PlanningPickerPage, SessionPlanningPage } from './planning-page';
import { VolunteerPage } from './volunteer-page';
import { VolunteersPage } from './volunteers-page';
import './volunteers.css';

/** Volunteer profiles and shift planning, under /staff/volunteers. */
export default function VolunteersRoutes() {
  return (
    <Switch>
      <Route path="/">
        <VolunteersPage />
      </Route>
      <Route path="/planning">
        <PlanningPickerPage />
      </Route>
      <Route path="/planning/session/:id">{(params) => <SessionPlanningPage sessionId={params.id} />}</Route>
      <Route path="/planning/festival/:editionId/:day">{(params) => <DayPlanningPage editionId={params.editionId} day={params.day} />}</Route>
      <Route path="/:id">{(params) => <VolunteerPage id={params.id} />}</Route>
    </Switch>
  );
}
