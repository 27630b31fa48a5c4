import { Route, Switch } from 'wouter';
import { CasePage } from './cases/case-page';
import { CasesBoardPage } from './cases/cases-board-page';
import { NewCasePage } from './cases/new-case-page';
import { MatchPage } from './matching/match-page';
import { MeetingsPage } from './report/meetings-page';
import { PicnikReportPage } from './report/picnik-report-page';

/** Picnik case work, mounted under /staff/picnik: the case board, a case, matching, the report and the monthly meetings. */
export default function PicnikRoutes() {
  return (
    <Switch>
      <Route path="/">
        <CasesBoardPage />
      </Route>
      <Route path="/new">
        <NewCasePage />
      </Route>
      <Route path="/cases/:id">{(params) => <CasePage id={params.id} />}</Route>
      <Route path="/cases/:id/match">{(params) => <MatchPage id={params.id} />}</Route>
      <Route path="/report">
        <PicnikReportPage />
      </Route>
      <Route path="/meetings">
        <MeetingsPage />
      </Route>
    </Switch>
  );
}
