import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { userActor } from "#app/database/audit.server.ts";
import { setPacketRound } from "#app/documents/packet-settings.server.ts";
import { Form, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { listRounds } from "#app/scoring/rounds.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { ensurePacket, packetInput, packetJob, type PacketJob } from "#app/documents/packet-jobs.server.ts";
import { packetFingerprint } from "#app/documents/packet/packet.server.ts";
import { getConference } from "#app/plans/plans.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";

export const meta: MetaFunction = () => [{ title: "Bộ tài liệu hội nghị · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Bộ tài liệu hội nghị" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const user = access.user;
  const c = await getConference(access.conference.id);
  const rounds = await listRounds(user);
  const input = await packetInput(c);
  const job = await packetJob(c.id);
  const fingerprint = input ? packetFingerprint(input) : null;
  return {
    conference: { id: c.id, title: c.title, scoringRoundId: c.scoringRoundId },
    canEdit: access.can("conference.edit"),
    rounds: rounds.map((r) => ({ id: r.id, title: r.title, year: r.year })),
    units: input?.summary.ranking.length ?? 0,
    ranked: input?.summary.statistics.ranked ?? 0,
    blocks: input?.summary.blocks.filter((b) => b.name !== null).length ?? 0,
    job: job && job.fingerprint === fingerprint ? job : null,
  };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("round"), roundId: z.string().optional() }),
  z.object({ intent: z.literal("build") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, conference } = await requireConference(request, params.id, "conference.edit");
  const c = await getConference(conference.id);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return reply({ error: "Yêu cầu không hợp lệ." }, 400);
  switch (parsed.data.intent) {
    case "round": {
      const roundId = parsed.data.roundId || null;
      if (roundId && !(await listRounds(user)).some((r) => r.id === roundId))
        return reply({ error: "Không tìm thấy đợt đánh giá." }, 400);
      await setPacketRound(userActor(user), c.id, roundId);
      return reply({ ok: true });
    }
    case "build": {
      const input = await packetInput(c);
      if (!input) return reply({ error: "Hãy chọn đợt đánh giá trước." }, 400);
      await ensurePacket(c.id, input);
      return reply({ ok: true });
    }
  }
}

function Progress({ conferenceId, initial }: { conferenceId: string; initial: PacketJob | null }) {
  const fetcher = useFetcher<PacketJob | null>();
  const job = fetcher.data ?? initial;
  useEffect(() => {
    if (job?.status !== "building") return;
    const t = setTimeout(() => fetcher.load(`/conferences/${conferenceId}/packet.json`), 400);
    return () => clearTimeout(t);
  }, [job, fetcher, conferenceId]);
  if (!job) return null;
  if (job.status === "failed")
    return (
      <p className="form-error" role="alert">
        Không tạo được bộ tài liệu: {job.error}
      </p>
    );
  return (
    <div className="delivery" aria-live="polite">
      <label htmlFor="packet-progress">
        {job.status === "ready"
          ? "Bộ tài liệu đã sẵn sàng."
          : `Đang tạo: ${job.stage} (${Math.round((job.done / Math.max(1, job.total)) * 100)}%)`}
      </label>
      <progress id="packet-progress" max={job.total} value={job.done} />
    </div>
  );
}

export default function PacketPage() {
  const data = useLoaderData<typeof loader>();
  const c = data.conference;
  return (
    <div className="page">
      <h1>Bộ tài liệu hội nghị</h1>
      <p className="muted">
        Bìa, chương trình, bảng xếp hạng, biểu đồ, phân tích theo lĩnh vực, phụ lục, SIPAS — một tệp PDF và một tệp
        Excel cùng số liệu.
      </p>
      {data.canEdit ? (
        <Form method="post" className="filters">
          <input type="hidden" name="intent" value="round" />
          <div className="field">
            <label htmlFor="roundId">Đợt đánh giá được công bố tại hội nghị</label>
            <select id="roundId" name="roundId" defaultValue={c.scoringRoundId ?? ""}>
              <option value="">— Chưa chọn —</option>
              {data.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Chọn</button>
        </Form>
      ) : null}
      {c.scoringRoundId ? (
        <section className="card">
          <p>
            {data.ranked === data.units && data.blocks === 0
              ? `${data.units} đơn vị được xếp hạng.`
              : `${data.units} đơn vị được đánh giá; ${data.ranked} đơn vị được xếp hạng${data.blocks ? ` trong ${data.blocks} khối` : ""}.`}
          </p>
          {data.canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="build" />
              <button type="submit" className="primary">
                Tạo bộ tài liệu
              </button>
            </Form>
          ) : null}
          <Progress conferenceId={c.id} initial={data.job} />
          <p>
            <a href={`/conferences/${c.id}/packet.pdf`}>Tải bộ tài liệu (PDF)</a> ·{" "}
            <a href={`/conferences/${c.id}/packet.xlsx`}>Tải số liệu (Excel)</a>
          </p>
        </section>
      ) : (
        <p className="empty">Chọn đợt đánh giá để lập bộ tài liệu.</p>
      )}
    </div>
  );
}
