import type { ReactNode } from 'react';
import { Redirect, useLocation } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { useAuth } from './auth';

/** A page for one role: anonymous visitors go to the login page (and come back), others are told. */
export function RequireRole(props: { role: string; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useI18n();
  const [location] = useLocation();
  if (!user) return <Redirect to={`/login?next=${encodeURIComponent(location)}`} replace />;
  if (!user.roles.includes(props.role)) return <p className="notice">{t.account.notForYou}</p>;
  return <>{props.children}</>;
}
