// The conference layout: every conferences.$id.* page renders inside it. It gives the breadcrumbs
// "Hội nghị, kế hoạch › <title>" and the conference navigation, each link shown only when the user's
// capability allows that page. Its loader refuses nothing a child allows: any relation to the conference
// (member, IT support, operator of one of its bridges) passes; no relation is a 404, as the guard says.

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { conferenceAccess, notFound } from "#app/auth/guard.server.ts";
import { requireUser } from "#app/auth/session.server.ts";
import { conferenceNavLinks } from "#app/components/conference/nav-links.ts";
import { ConferenceNav } from "#app/components/conference/conference-nav.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { prisma } from "#app/database/db.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const conference = params.id
    ? await prisma.conference.findUnique({
        where: { id: params.id },
        select: { id: true, organizationId: true, kind: true, title: true, status: true },
      })
    : null;
  if (!conference) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  const access = await conferenceAccess(user, conference);
  if (!access.related) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  return {
    id: conference.id,
    title: conference.title,
    links: conferenceNavLinks(conference.id, conference.kind === "CONFERENCE", {
      view: access.can("conference.view"),
      invitations: access.can("invitations.manage"),
      bridges: access.can("bridges.support"),
      checkin: access.can("attendance.take"),
      // Bridge operators take the roll call at their bridge, not on the conference-wide page.
      attendance: access.can("attendance.take") && !access.onlyOperatedBridges("attendance.take"),
      audit: access.can("audit.view"),
    }),
  };
}

export const handle: BreadcrumbHandle<{ title: string; links: Array<{ to: string }> }> = {
  // The title leads to the first page the user may open: the plan, or for IT support the bridge points.
  breadcrumb: (data) =>
    data
      ? [
          { label: "Hội nghị, kế hoạch", to: "/conferences" },
          { label: data.title, to: data.links[0]?.to },
        ]
      : { label: "Hội nghị, kế hoạch", to: "/conferences" },
};

export default function ConferenceLayout() {
  const data = useLoaderData<typeof loader>();
  // A page that needs the whole screen (the phone scanner) says `handle.conferenceNav = false`.
  const hidden = useMatches().some(
    (m) => (m.handle as { conferenceNav?: boolean } | undefined)?.conferenceNav === false,
  );
  return (
    <>
      {hidden ? null : <ConferenceNav title={data.title} links={data.links} />}
      <Outlet />
    </>
  );
}
