import { Route, Switch } from 'wouter';
import { RequireRole } from '../../auth/require-role';
import { NotFoundPage } from '../../pages/not-found-page';
import { useStaffI18n } from '../staff-strings';
import { AuditLogPage } from './audit-page';
import { PersonPrivacyPage } from './person-page';
import './privacy.css';
import { RetentionPage } from './retention-page';
import { PrivacySearchPage } from './search-page';

/** The privacy desk, mounted under /staff/privacy: find a person, their export, consent and erasure, the retention schedule, the audit log (admins). */
export default function PrivacyRoutes() {
  const { s } = useStaffI18n();
  return (
    <Switch>
      <Route path="/">
        <PrivacySearchPage />
      </Route>
      <Route path="/participants/:id">{(params) => <PersonPrivacyPage key={params.id} kind="participant" id={params.id} />}</Route>
      <Route path="/users/:id">{(params) => <PersonPrivacyPage key={params.id} kind="user" id={params.id} />}</Route>
      <Route path="/retention">
        <RetentionPage />
      </Route>
      <Route path="/audit">
        {/* The API refuses the log to anyone but an admin; the page says so instead of showing an error. */}
        <RequireRole role="ADMIN" refusal={s.privacy.audit.notAllowed}>
          <AuditLogPage />
        </RequireRole>
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
