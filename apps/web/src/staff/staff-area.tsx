import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { Link, Route, Switch, useRoute } from 'wouter';
import { Loading } from '../components/load-states';
import { NotFoundPage } from '../pages/not-found-page';
import { createStaffQueryClient } from './data';
import { StaffStringsProvider, useStaffI18n } from './staff-strings';
import './staff.css';

// One chunk per area, loaded when the coordinator first opens it.
const DashboardRoutes = lazy(() => import('./dashboard/routes'));
const PlacesRoutes = lazy(() => import('./places/routes'));
const ProgrammesRoutes = lazy(() => import('./programmes/routes'));
const SeriesRoutes = lazy(() => import('./series/routes'));
const SessionsRoutes = lazy(() => import('./sessions/routes'));
const PeopleRoutes = lazy(() => import('./people/routes'));
const PicnikRoutes = lazy(() => import('./picnik/routes'));
const VolunteersRoutes = lazy(() => import('./volunteers/routes'));
const FestivalRoutes = lazy(() => import('./festival/routes'));
const PrivacyRoutes = lazy(() => import('./privacy/routes'));
const MessagesRoutes = lazy(() => import('./messages/routes'));

/**
 * The back office (/staff/…): its own lazily loaded chunk, never part of the public schedule's
 * bundle. Coordinators and admins only (the route in app.tsx checks the role; the API checks
 * again on every operation).
 */
export default function StaffArea() {
  const [client] = useState(createStaffQueryClient);
  return (
    <QueryClientProvider client={client}>
      <StaffStringsProvider loading={<Loading />}>
        <StaffLocale>
          <div className="staff__layout">
            <StaffNav />
            <div className="staff__content">
              <Suspense fallback={<Loading />}>
                <Switch>
                  <Route path="/">
                    <DashboardRoutes />
                  </Route>
                  <Route path="/places" nest>
                    <PlacesRoutes />
                  </Route>
                  <Route path="/programmes" nest>
                    <ProgrammesRoutes />
                  </Route>
                  <Route path="/series" nest>
                    <SeriesRoutes />
                  </Route>
                  <Route path="/sessions" nest>
                    <SessionsRoutes />
                  </Route>
                  <Route path="/people" nest>
                    <PeopleRoutes />
                  </Route>
                  <Route path="/picnik" nest>
                    <PicnikRoutes />
                  </Route>
                  <Route path="/volunteers" nest>
                    <VolunteersRoutes />
                  </Route>
                  <Route path="/festival" nest>
                    <FestivalRoutes />
                  </Route>
                  <Route path="/privacy" nest>
                    <PrivacyRoutes />
                  </Route>
                  <Route path="/messages" nest>
                    <MessagesRoutes />
                  </Route>
                  <Route>
                    <NotFoundPage />
                  </Route>
                </Switch>
              </Suspense>
            </div>
          </div>
        </StaffLocale>
      </StaffStringsProvider>
    </QueryClientProvider>
  );
}

/** React Aria's date fields, calendars and number fields write dates and numbers the staff language's way. */
function StaffLocale(props: { children: React.ReactNode }) {
  const { language } = useStaffI18n();
  return <AriaI18nProvider locale={language === 'nl' ? 'nl-BE' : language === 'fr' ? 'fr-BE' : 'en-GB'}>{props.children}</AriaI18nProvider>;
}

const NAV = [
  ['/', 'dashboard'],
  ['/places/organisations', 'organisations'],
  ['/places/venues', 'venues'],
  ['/programmes', 'programmes'],
  ['/series/closures', 'closures'],
  ['/sessions/waiting-lists', 'waitingLists'],
  ['/people/users', 'users'],
  ['/people/participants', 'participants'],
  ['/picnik', 'picnik'],
  ['/volunteers', 'volunteers'],
  ['/festival', 'festival'],
  ['/privacy', 'privacy'],
  ['/messages', 'messages'],
] as const;

function StaffNav() {
  const { s } = useStaffI18n();
  return (
    <nav className="staff-nav" aria-label={s.common.nav.label}>
      <ul>
        {NAV.map(([href, key]) => (
          <li key={key}>
            <NavLink href={href}>{s.common.nav[key]}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NavLink(props: { href: string; children: string }) {
  const [exact] = useRoute(props.href);
  const [within] = useRoute(`${props.href}/*?`);
  const current = props.href === '/' ? exact : within;
  return (
    <Link href={props.href} className="staff-nav__link" aria-current={current ? 'page' : undefined}>
      {props.children}
    </Link>
  );
}
