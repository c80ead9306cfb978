import { Link, useMatches, type UIMatch } from "@remix-run/react";

export type Crumb = { label: string; to?: string };

/**
 * What a route module exports as `handle` to add itself to the breadcrumb trail. `data` is the
 * route's own loader data, undefined when the loader threw (the error boundary still shows the trail
 * of the routes above it).
 */
export type BreadcrumbHandle<Data = unknown> = {
  breadcrumb: (data: Data | undefined, match: UIMatch) => Crumb | Crumb[] | null;
};

function crumbsOf(match: UIMatch): Crumb[] {
  const handle = match.handle as Partial<BreadcrumbHandle> | undefined;
  const crumbs = handle?.breadcrumb?.(match.data, match);
  return crumbs ? (Array.isArray(crumbs) ? crumbs : [crumbs]) : [];
}

/** The trail of every matched route's `handle.breadcrumb`, the last one being the page itself. */
export function Breadcrumbs() {
  const crumbs = useMatches().flatMap(crumbsOf);
  if (crumbs.length < 2) return null;
  return (
    <nav className="breadcrumb" aria-label="Đường dẫn">
      {crumbs.map((crumb, i) => {
        const last = i === crumbs.length - 1;
        return (
          <span key={`${i}-${crumb.label}`}>
            {last || !crumb.to ? (
              <span aria-current={last ? "page" : undefined}>{crumb.label}</span>
            ) : (
              <Link to={crumb.to}>{crumb.label}</Link>
            )}
            {last ? null : " › "}
          </span>
        );
      })}
    </nav>
  );
}
