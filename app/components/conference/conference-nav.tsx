import { NavLink } from "@remix-run/react";
import type { ConferenceNavLink } from "#app/components/conference/nav-links.ts";

/**
 * The pages of one conference. Plain links in the tab order, wrapping onto more lines on a narrow
 * screen; the page one is on carries `aria-current="page"` (NavLink).
 */
export function ConferenceNav({ title, links }: { title: string; links: ConferenceNavLink[] }) {
  if (!links.length) return null;
  return (
    <nav className="conference-nav" aria-label={`Các trang của ${title}`}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
