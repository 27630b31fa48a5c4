import { useEffect, useRef } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { LanguageSwitcher } from './components/language-switcher';
import { useI18n } from './i18n/i18n';
import { NotFoundPage } from './pages/not-found-page';
import { SchedulePage } from './pages/schedule-page';
import { SessionPage } from './pages/session-page';

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
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container">
        <Switch>
          <Route path="/">
            <SchedulePage />
          </Route>
          <Route path="/sessions/:id">{(params) => <SessionPage id={params.id} />}</Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t.footer}</p>
        </div>
      </footer>
    </>
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
