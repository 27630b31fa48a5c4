import { Link, useRoute } from 'wouter';
import { useStaffI18n } from '../staff-strings';

function NavLink(props: { href: string; label: string }) {
  const [active] = useRoute(props.href);
  return (
    <li>
      <Link href={props.href} aria-current={active ? 'page' : undefined}>
        {props.label}
      </Link>
    </li>
  );
}

/** The desk's own pages, one row of links above each. */
export function MessagesNav() {
  const { s } = useStaffI18n();
  const nav = s.messages.nav;
  return (
    <nav className="messages__nav" aria-label={nav.label}>
      <ul>
        <NavLink href="/" label={nav.outbox} />
        <NavLink href="/failed" label={nav.failed} />
        <NavLink href="/preview" label={nav.preview} />
        <NavLink href="/broadcast" label={nav.broadcast} />
        <NavLink href="/replies" label={nav.replies} />
      </ul>
    </nav>
  );
}
