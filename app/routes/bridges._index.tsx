import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { supportedOrganizationIds } from "#app/auth/guard.server.ts";
import { can } from "#app/auth/policy.ts";
import { requireUser } from "#app/auth/session.server.ts";
import { ensureKeys } from "#app/bridges/links.server.ts";
import { ReadinessBadge } from "#app/bridges/components.tsx";
import bridgesCss from "#app/bridges/bridges.css?url";
import { prisma } from "#app/db.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction = () => [{ title: "Điểm cầu · Hội nghị CCHC" }];

/** "My bridge points": those hosted by an operator's organisation; conferences whose boards IT support or organisers follow. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const operator = user.roles.includes("BRIDGE_OPERATOR");
  const hosted = operator
    ? await prisma.bridgePoint.findMany({
        where: { hostOrganizationId: user.organizationId, conference: { status: { not: "CANCELLED" } } },
        orderBy: [{ conference: { startsAt: "desc" } }, { position: "asc" }],
        take: 200,
        select: { id: true },
      })
    : [];
  if (hosted.length) await ensureKeys({ ids: hosted.map((b) => b.id) });
  const bridges = hosted.length
    ? await prisma.bridgePoint.findMany({
        where: { id: { in: hosted.map((b) => b.id) } },
        orderBy: [{ conference: { startsAt: "desc" } }, { position: "asc" }],
        select: {
          id: true,
          name: true,
          room: true,
          address: true,
          accessKey: true,
          readiness: true,
          conference: { select: { title: true, startsAt: true, bridgeTestAt: true } },
        },
      })
    : [];
  const followed = [
    ...(await supportedOrganizationIds(user)),
    ...(can(user.roles, "bridges.manage") ? user.visibleOrganizationIds : []),
  ];
  const conferences = followed.length
    ? await prisma.conference.findMany({
        where: { organizationId: { in: followed }, bridgePoints: { some: {} } },
        orderBy: [{ startsAt: "desc" }],
        take: 100,
        select: {
          id: true,
          title: true,
          startsAt: true,
          organization: { select: { name: true } },
          _count: { select: { bridgePoints: true } },
        },
      })
    : [];
  const readiness = conferences.length
    ? await prisma.bridgePoint.groupBy({
        by: ["conferenceId", "readiness"],
        where: { conferenceId: { in: conferences.map((c) => c.id) } },
        _count: { _all: true },
      })
    : [];
  const countOf = (conferenceId: string, r: string) =>
    readiness.find((x) => x.conferenceId === conferenceId && x.readiness === r)?._count._all ?? 0;
  return {
    bridges: bridges.map((b) => ({
      id: b.id,
      name: b.name,
      place: [b.room, b.address].filter(Boolean).join(", "),
      path: `/b/${b.accessKey}`,
      readiness: b.readiness,
      conference: meetingName(b.conference.title),
      when: b.conference.startsAt ? formatDateTime(b.conference.startsAt) : "Thời gian sẽ được thông báo sau",
      testAt: b.conference.bridgeTestAt ? formatDateTime(b.conference.bridgeTestAt) : null,
    })),
    conferences: conferences.map((c) => ({
      id: c.id,
      title: c.title,
      organizer: c.organization.name,
      when: c.startsAt ? formatDateTime(c.startsAt) : "",
      total: c._count.bridgePoints,
      passed: countOf(c.id, "PASSED"),
      failed: countOf(c.id, "FAILED"),
    })),
    operator,
  };
}

export default function MyBridges() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Điểm cầu</h1>
      {data.operator ? (
        <section aria-labelledby="mine-head">
          <h2 id="mine-head">Điểm cầu đơn vị tôi phụ trách</h2>
          {data.bridges.length === 0 ? (
            <p className="empty">Đơn vị của bạn chưa được giao điểm cầu nào.</p>
          ) : (
            <ul className="task-list">
              {data.bridges.map((b) => (
                <li key={b.id}>
                  <span>
                    <Link to={b.path} className="strong">
                      {b.name}
                    </Link>{" "}
                    <ReadinessBadge readiness={b.readiness} />
                  </span>
                  <span>{b.conference}</span>
                  <span className="muted small">
                    {b.when}
                    {b.place ? ` · ${b.place}` : ""}
                    {b.testAt ? ` · kiểm tra kết nối: ${b.testAt}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {data.conferences.length ? (
        <section aria-labelledby="boards-head">
          <h2 id="boards-head">Theo dõi kết nối các hội nghị</h2>
          <ul className="task-list">
            {data.conferences.map((c) => (
              <li key={c.id}>
                <Link to={`/conferences/${c.id}/bridges/readiness`} className="strong">
                  {c.title}
                </Link>
                <span className="muted small">
                  {c.organizer}
                  {c.when ? ` · ${c.when}` : ""} · {c.total} điểm cầu: {c.passed} đạt, {c.failed} lỗi,{" "}
                  {c.total - c.passed - c.failed} chưa kiểm tra
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : !data.operator ? (
        <p className="empty">Không có hội nghị trực tuyến nào để theo dõi.</p>
      ) : null}
    </div>
  );
}
