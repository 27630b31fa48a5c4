import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { useAuth } from './auth';

/**
 * A page for one role (or any of several): anonymous visitors go to the login page (and come back),
 * others are told, with `refusal` when the page is not the school contact's.
 */
export function RequireRole(props: { role: string | readonly string[]; refusal?: string; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useI18n();
  // The whole path, also inside a nested route (the staff area), and "~" for the root's /login.
  const here = window.location.pathname + window.location.search;
  if (!user) return <Redirect to={`~/login?next=${encodeURIComponent(here)}`} replace />;
  const allowed = typeof props.role === 'string' ? [props.role] : props.role;
  if (!allowed.some((role) => user.roles.includes(role))) return <p className="notice">{props.refusal ?? t.account.notForYou}</p>;
  return <>{props.children}</>;
}
