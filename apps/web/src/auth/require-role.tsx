import type { ReactNode } from 'react';
import { Redirect, useLocation } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { useAuth } from './auth';

/**
 * A page for one role (or any of several): anonymous visitors go to the login page (and come back),
 * others are told, with `refusal` when the page is not the school contact's.
 */
export function RequireRole(props: { role: string | readonly string[]; refusal?: string; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useI18n();
  const [location] = useLocation();
  if (!user) return <Redirect to={`/login?next=${encodeURIComponent(location)}`} replace />;
  const allowed = typeof props.role === 'string' ? [props.role] : props.role;
  if (!allowed.some((role) => user.roles.includes(role))) return <p className="notice">{props.refusal ?? t.account.notForYou}</p>;
  return <>{props.children}</>;
}
