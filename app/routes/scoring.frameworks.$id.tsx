import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import analysisPanelsCss from "#app/components/scoring/analysis-panels.css?url";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AddNodeForm, BandsEditor, NodeItem } from "#app/components/scoring/framework-tree.tsx";
import { MappingLinks, type PreviousFrameworkLink } from "#app/components/scoring/mapping/mapping-links.tsx";
import { prisma } from "#app/database/db.server.ts";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { addNode, deleteNode, replaceBands, updateNode } from "#app/scoring/framework-editor.server.ts";
import { frameworkIntentSchema } from "#app/scoring/framework-forms.ts";
import { loadFramework } from "#app/scoring/frameworks.server.ts";
import { notFound, requireFramework } from "#app/auth/guard.server.ts";
import type { Capability } from "#app/auth/policy.ts";
import { formatPoints } from "#app/scoring/format.ts";
import { compileFramework, validateFramework } from "#app/scoring/index.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.name ?? "Bộ chỉ số"} · Hội nghị CCHC` },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: analysisPanelsCss }];

function missing(): never {
  notFound("Không tìm thấy bộ chỉ số này.");
}

async function guardedFramework(request: Request, id: string | undefined, capability: Capability) {
  const access = await requireFramework(request, id, capability);
  const stored = await loadFramework(access.framework.id);
  if (!stored) missing();
  return { access, stored };
}

/** Previous frameworks this one is compared with (its rounds' previous rounds, stored mappings) the user may see. */
async function previousFrameworks(frameworkId: string, visible: string[]): Promise<PreviousFrameworkLink[]> {
  const fw = { select: { id: true, name: true, year: true, version: true, organizationId: true } } as const;
  const [rounds, mappings] = await Promise.all([
    prisma.assessmentRound.findMany({
      where: { frameworkId, previousRound: { frameworkId: { not: null } } },
      select: { title: true, previousRound: { select: { framework: fw } } },
      orderBy: { year: "desc" },
    }),
    prisma.frameworkMapping.findMany({ where: { frameworkId }, select: { previousFramework: fw } }),
  ]);
  const links = new Map<string, PreviousFrameworkLink>();
  const add = (f: { id: string; name: string; year: number; version: number; organizationId: string } | null) => {
    if (!f || f.id === frameworkId || !visible.includes(f.organizationId)) return null;
    let l = links.get(f.id);
    if (!l)
      links.set(f.id, (l = { id: f.id, name: f.name, year: f.year, version: f.version, rounds: [], stored: false }));
    return l;
  };
  for (const r of rounds) add(r.previousRound?.framework ?? null)?.rounds.push(r.title);
  for (const m of mappings) {
    const l = add(m.previousFramework);
    if (l) l.stored = true;
  }
  return [...links.values()].sort((a, b) => b.year - a.year || b.version - a.version);
}

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [SCORING_CRUMB, { label: data?.name ?? "Bộ chỉ số" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, stored } = await guardedFramework(request, params.id, "scoring.view");
  const { framework } = stored;
  const ids = Object.fromEntries(stored.nodeIds);
  return {
    id: stored.id,
    name: framework.name,
    year: framework.year,
    version: stored.version,
    organization: stored.organizationName,
    canEdit: access.capabilities.has("scoring.manage"),
    totalMax: compileFramework(framework).totalMax,
    bands: framework.bands,
    problems: validateFramework(framework).map((p) => p.message),
    areas: framework.areas,
    ids,
    previousFrameworks: await previousFrameworks(stored.id, access.user.visibleOrganizationIds),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, stored } = await guardedFramework(request, params.id, "scoring.manage");
  const actor = userActor(access.user);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: frameworkIntentSchema });
  // Which form answered: its intent and the node it is about (the tree has a form per node).
  const intent = String(formData.get("intent") ?? "");
  const target = String(formData.get("nodeId") ?? formData.get("parentId") ?? "");
  const refuse = (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) =>
    reply({ intent, target, result: submission.reply(options) }, 400);
  if (submission.status !== "success") return refuse();
  const v = submission.value;
  if (v.intent === "update-node") {
    if (!(await updateNode(actor, stored.id, v))) missing();
  } else if (v.intent === "add-node") {
    const error = await addNode(actor, stored.id, v);
    if (error) return refuse({ fieldErrors: { code: [error] } });
  } else if (v.intent === "delete-node") {
    const error = await deleteNode(actor, stored.id, v.nodeId);
    if (error) return refuse({ formErrors: [error] });
  } else if (v.intent === "update-bands") {
    await replaceBands(actor, stored.id, v);
  }
  return reply({ ok: true as const });
}

export default function FrameworkPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{data.name}</h1>
        <div>
          <a href={`/scoring/frameworks/${data.id}/export.json`} className="button">
            Tải JSON
          </a>{" "}
          <a href={`/scoring/frameworks/${data.id}/export.xlsx`} className="button">
            Tải Excel
          </a>
        </div>
      </div>
      <p className="muted">
        Năm {data.year} · phiên bản {data.version} · {data.organization} · tổng điểm tối đa{" "}
        {formatPoints(data.totalMax)}
      </p>
      {data.problems.length ? (
        <div className="problems" role="status">
          <strong>Cần kiểm tra:</strong>
          <ul>
            {data.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid-2-wide">
        <section className="card">
          <h2>Cây tiêu chí</h2>
          <ul className="tree" aria-busy={navigation.state !== "idle"}>
            {data.areas.map((a) => (
              <NodeItem key={a.code} node={a} ids={data.ids} canEdit={data.canEdit} reply={actionData} />
            ))}
          </ul>
          {data.canEdit ? (
            <details>
              <summary>Thêm lĩnh vực</summary>
              <AddNodeForm
                codeLabel="Mã lĩnh vực"
                placeholder={String(data.areas.length + 1)}
                submitLabel="Thêm lĩnh vực"
                reply={actionData}
              />
            </details>
          ) : null}
        </section>
        <section className="card">
          <h2>Xếp loại</h2>
          <BandsEditor bands={data.bands} canEdit={data.canEdit} reply={actionData} />
        </section>
      </div>
      <MappingLinks frameworkId={data.id} links={data.previousFrameworks} />
    </div>
  );
}
