import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useAuth } from './auth/auth';
import { RequireRole } from './auth/require-role';
import { LanguageSwitcher } from './components/language-switcher';
import { Loading } from './components/load-states';
import { request } from './graphql/client';
import { graphql } from './graphql/graphql';
import { useI18n } from './i18n/i18n';
import { NotFoundPage } from './pages/not-found-page';
import { SchedulePage } from './pages/schedule-page';
import { SessionPage } from './pages/session-page';

// Staff pages load on demand: the public schedule's bundle carries none of them.
const LoginPage = lazy(() => import('./pages/login-page').then((m) => ({ default: m.LoginPage })));
const SchoolPage = lazy(() => import('./pages/school/school-page').then((m) => ({ default: m.SchoolPage })));
// <lazy-pages> (one line per page module, kept sorted by area)
const VolunteerPage = lazy(() => import('./pages/volunteer/volunteer-page').then((m) => ({ default: m.VolunteerPage })));
const NewcomerRegisterPage = lazy(() => import('./pages/newcomer/register-page').then((m) => ({ default: m.RegisterPage })));
const RegistrationLinkPage = lazy(() => import('./pages/self-service/registration-page').then((m) => ({ default: m.RegistrationLinkPage })));
const CoordinatorPage = lazy(() => import('./pages/coordinator/coordinator-page').then((m) => ({ default: m.CoordinatorPage })));
const CoordinatorReportsPage = lazy(() => import('./pages/coordinator/reports-page').then((m) => ({ default: m.ReportsPage })));
const CoordinatorSeriesPage = lazy(() => import('./pages/coordinator/series-page').then((m) => ({ default: m.SeriesPage })));
const FestivalPage = lazy(() => import('./pages/festival/festival-page').then((m) => ({ default: m.FestivalPage })));
const HostPage = lazy(() => import('./pages/host/host-page').then((m) => ({ default: m.HostPage })));
const HostSessionPage = lazy(() => import('./pages/host/host-session-page').then((m) => ({ default: m.HostSessionPage })));
const StaffArea = lazy(() => import('./staff/staff-area'));
const AcceptInvitationPage = lazy(() => import('./pages/account/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })));
const ForgotPasswordPage = lazy(() => import('./pages/account/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })));
const ChangePasswordPage = lazy(() => import('./pages/account/change-password-page').then((m) => ({ default: m.ChangePasswordPage })));
const ResetPasswordPage = lazy(() => import('./pages/account/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const UnsubscribePage = lazy(() => import('./pages/unsubscribe/unsubscribe-page').then((m) => ({ default: m.UnsubscribePage })));
const SchoolSessionPage = lazy(() => import('./pages/school/school-session-page').then((m) => ({ default: m.SchoolSessionPage })));

const HOST_PAGE_ROLES = ['HOST', 'VOLUNTEER'] as const;
const EVERY_ROLE = ['ADMIN', 'COORDINATOR', 'HOST', 'SCHOOL_CONTACT', 'VOLUNTEER', 'FESTIVAL_ORGANISER'] as const;

export function App() {
  const { t } = useI18n();
  const main = useMainFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link href="/" className="site-name">
            {t.siteName}
          </Link>
          <LanguageSwitcher />
          <AccountNav />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container">
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/">
              <SchedulePage />
            </Route>
            <Route path="/sessions/:id">{(params) => <SessionPage id={params.id} />}</Route>
            <Route path="/login">
              <LoginPage />
            </Route>
            <Route path="/school">
              <RequireRole role="SCHOOL_CONTACT" refusal={t.school.notForYou}>
                <SchoolPage />
              </RequireRole>
            </Route>
            <Route path="/school/sessions/:id">
              {(params) => (
                <RequireRole role="SCHOOL_CONTACT" refusal={t.school.notForYou}>
                  <SchoolSessionPage id={params.id} />
                </RequireRole>
              )}
            </Route>
            {/* <host-routes> */}
            {/* Volunteers co-host tables: the host pages are theirs too (the API scopes them to their own sessions). */}
            <Route path="/host">
              <RequireRole role={HOST_PAGE_ROLES}>
                <HostPage />
              </RequireRole>
            </Route>
            <Route path="/host/sessions/:id">
              {(params) => (
                <RequireRole role={HOST_PAGE_ROLES}>
                  <HostSessionPage id={params.id} />
                </RequireRole>
              )}
            </Route>
            {/* <volunteer-routes> */}
            <Route path="/volunteer">
              <RequireRole role="VOLUNTEER" refusal={t.volunteer.notForYou}>
                <VolunteerPage />
              </RequireRole>
            </Route>
            {/* <festival-routes> */}
            <Route path="/festival">
              <FestivalPage />
            </Route>
            {/* <coordinator-routes> */}
            <Route path="/coordinator">
              <RequireRole role={['COORDINATOR', 'ADMIN']} refusal={t.coordinator.notForYou}>
                <CoordinatorPage />
              </RequireRole>
            </Route>
            <Route path="/coordinator/reports">
              <RequireRole role={['COORDINATOR', 'ADMIN']} refusal={t.coordinator.notForYou}>
                <CoordinatorReportsPage />
              </RequireRole>
            </Route>
            <Route path="/coordinator/series/:id">
              {(params) => (
                <RequireRole role={['COORDINATOR', 'ADMIN']} refusal={t.coordinator.notForYou}>
                  <CoordinatorSeriesPage id={params.id} />
                </RequireRole>
              )}
            </Route>
            <Route path="/staff" nest>
              <RequireRole role={['COORDINATOR', 'ADMIN']} refusal={t.coordinator.notForYou}>
                <StaffArea />
              </RequireRole>
            </Route>
            <Route path="/invitation/:token">{(params) => <AcceptInvitationPage token={params.token} />}</Route>
            <Route path="/forgot-password">
              <ForgotPasswordPage />
            </Route>
            <Route path="/reset-password/:token">{(params) => <ResetPasswordPage token={params.token} />}</Route>
            <Route path="/account">
              <RequireRole role={EVERY_ROLE}>
                <ChangePasswordPage />
              </RequireRole>
            </Route>
            {/* <newcomer-routes> */}
            <Route path="/sessions/:id/register">{(params) => <NewcomerRegisterPage id={params.id} />}</Route>
            <Route path="/u/:token">{(params) => <UnsubscribePage token={params.token} />}</Route>
            <Route path="/r/:token">{(params) => <RegistrationLinkPage token={params.token} />}</Route>
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t.footer}</p>
          <StaffLoginLink />
        </div>
      </footer>
    </>
  );
}

/** For signed-in staff: who they are, their page, and signing out. */
function AccountNav() {
  const { t, format } = useI18n();
  const { user, logout } = useAuth();
  const [, navigate] = useLocation();
  if (!user) return null;
  return (
    <nav aria-label={format(t.account.signedInAs, { name: user.displayName })} className="account-nav">
      <span className="account-nav__name">{format(t.account.signedInAs, { name: user.displayName })}</span>
      {user.roles.includes('SCHOOL_CONTACT') && (
        <Link href="/school" className="account-nav__link">
          {t.account.mySchool}
        </Link>
      )}
      <HostLink roles={user.roles} />
      {user.roles.includes('VOLUNTEER') && (
        <Link href="/volunteer" className="account-nav__link">
          {t.volunteer.title}
        </Link>
      )}
      {user.roles.includes('FESTIVAL_ORGANISER') && (
        <Link href="/festival" className="account-nav__link">
          {t.festival.title}
        </Link>
      )}
      {(user.roles.includes('COORDINATOR') || user.roles.includes('ADMIN')) && (
        <Link href="/staff" className="account-nav__link">
          {t.coordinator.navLink}
        </Link>
      )}
      <Link href="/account" className="account-nav__link">
        {t.accountRecovery.myAccount}
      </Link>
      <button
        type="button"
        className="button--on-brand"
        onClick={() => {
          logout();
          navigate('/');
        }}
      >
        {t.account.logout}
      </button>
    </nav>
  );
}

const HOST_COUNT_QUERY = graphql(`
  query HostedSessionCount {
    mySessions(first: 1) {
      totalCount
    }
  }
`);

/** Hosts always get their link; a volunteer once they host a session (asked once per sign-in). */
function HostLink(props: { roles: readonly string[] }) {
  const { t } = useI18n();
  const isHost = props.roles.includes('HOST');
  const askVolunteer = !isHost && props.roles.includes('VOLUNTEER');
  const [hosts, setHosts] = useState(false);
  useEffect(() => {
    if (!askVolunteer) return;
    let current = true;
    request(HOST_COUNT_QUERY, {})
      .then((data) => current && setHosts(data.mySessions.totalCount > 0))
      // No link then: the volunteer page still works, and the next page load asks again.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [askVolunteer]);
  if (!isHost && !hosts) return null;
  return (
    <Link href="/host" className="account-nav__link">
      {t.host.title}
    </Link>
  );
}

function StaffLoginLink() {
  const { t } = useI18n();
  const { user } = useAuth();
  return user ? null : (
    <p>
      <Link href="/login">{t.account.staffLogin}</Link>
    </p>
  );
}

/**
 * After a client-side navigation, focus moves to <main>, as after a page load, so screen reader
 * and keyboard users start at the new content instead of the link they used.
 */
function useMainFocusOnNavigation() {
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [location]);
  return main;
}
