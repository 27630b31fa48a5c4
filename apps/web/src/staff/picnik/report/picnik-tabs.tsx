import { Link, useRoute } from 'wouter';
import { useStaffI18n } from '../../staff-strings';

const TABS = [
  ['/', 'board'],
  ['/report', 'report'],
  ['/meetings', 'meetings'],
] as const;

/** The Picnik area's own pages: the case board, the report and the monthly meetings. */
export function PicnikTabs() {
  const { s } = useStaffI18n();
  return (
    <nav className="picnik-tabs" aria-label={s.picnikReport.tabs.label}>
      <ul>
        {TABS.map(([href, key]) => (
          <li key={key}>
            <TabLink href={href}>{s.picnikReport.tabs[key]}</TabLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TabLink(props: { href: string; children: string }) {
  const [current] = useRoute(props.href);
  return (
    <Link href={props.href} className="picnik-tabs__link" aria-current={current ? 'page' : undefined}>
      {props.children}
    </Link>
  );
}
