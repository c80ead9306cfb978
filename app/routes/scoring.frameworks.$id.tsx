import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/components/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { addNode, deleteNode, replaceBands, updateNode } from "#app/assessments/framework-editor.server.ts";
import { frameworkIntentSchema, NODE_SOURCE_LABEL } from "#app/assessments/framework-forms.ts";
import { loadFramework } from "#app/assessments/frameworks.server.ts";
import { notFound, requireFramework } from "#app/auth/guard.server.ts";
import type { Capability } from "#app/auth/policy.ts";
import { formatPoints } from "#app/scoring/format.ts";
import { compileFramework, validateFramework, type FrameworkNode } from "#app/scoring/index.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.name ?? "Bộ chỉ số"} · Hội nghị CCHC` },
];

function missing(): never {
  notFound("Không tìm thấy bộ chỉ số này.");
}

async function guardedFramework(request: Request, id: string | undefined, capability: Capability) {
  const access = await requireFramework(request, id, capability);
  const stored = await loadFramework(access.framework.id);
  if (!stored) missing();
  return { access, stored };
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
  };
}

type Reply = { intent: string; target?: string; errors: Record<string, string[]> } | { ok: true };

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, stored } = await guardedFramework(request, params.id, "scoring.manage");
  const user = access.user;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: frameworkIntentSchema });
  const target = String(formData.get("nodeId") ?? formData.get("parentId") ?? "");
  if (submission.status !== "success") {
    const errors = Object.fromEntries(Object.entries(submission.reply().error ?? {}).map(([k, v]) => [k, v ?? []]));
    return Response.json({ intent: String(formData.get("intent")), target, errors } satisfies Reply, { status: 400 });
  }
  const v = submission.value;
  let error: string | null = null;
  if (v.intent === "update-node") {
    if (!(await updateNode(userActor(user), stored.id, v))) missing();
  } else if (v.intent === "add-node") {
    error = await addNode(userActor(user), stored.id, v);
    if (error)
      return Response.json({ intent: v.intent, target, errors: { code: [error] } } satisfies Reply, { status: 400 });
  } else if (v.intent === "delete-node") {
    error = await deleteNode(userActor(user), stored.id, v.nodeId);
    if (error)
      return Response.json({ intent: v.intent, target, errors: { "": [error] } } satisfies Reply, { status: 400 });
  } else {
    await replaceBands(userActor(user), stored.id, v);
  }
  return { ok: true } satisfies Reply;
}

function errorsFor(reply: Reply | undefined, intent: string, target: string) {
  if (!reply || "ok" in reply || reply.intent !== intent || (reply.target ?? "") !== target) return null;
  return reply.errors;
}

function NodeFields({ prefix, node }: { prefix: string; node?: FrameworkNode }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-title`}>Tên tiêu chí</label>
        <input id={`${prefix}-title`} name="title" type="text" defaultValue={node?.title} required />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-max`}>Điểm tối đa</label>
        <input
          id={`${prefix}-max`}
          name="maxPoints"
          type="number"
          step="0.01"
          min="0.01"
          defaultValue={node?.maxPoints}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-source`}>Nguồn điểm</label>
        <select id={`${prefix}-source`} name="source" defaultValue={node?.source ?? "APPRAISAL"}>
          <option value="APPRAISAL">{NODE_SOURCE_LABEL.APPRAISAL}</option>
          <option value="SURVEY">{NODE_SOURCE_LABEL.SURVEY}</option>
        </select>
      </div>
    </>
  );
}

function Errors({ errors }: { errors: Record<string, string[]> | null }) {
  if (!errors) return null;
  return (
    <p className="field-error" role="alert">
      {Object.values(errors).flat().join(" ")}
    </p>
  );
}

function NodeItem({
  node,
  ids,
  canEdit,
  reply,
}: {
  node: FrameworkNode;
  ids: Record<string, string>;
  canEdit: boolean;
  reply?: Reply;
}) {
  const id = ids[node.code]!;
  const childSum = node.children.reduce((s, c) => s + c.maxPoints, 0);
  const mismatch = node.children.length > 0 && Math.abs(childSum - node.maxPoints) > 1e-6;
  const depth = node.code.split(".").length;
  return (
    <li>
      <div className="tree-node">
        <span className="code">{node.code}</span>
        <span className={depth === 1 ? "strong" : ""}>{node.title}</span>
        {node.source === "SURVEY" ? <span className="badge">Điều tra XHH</span> : null}
        <span
          className={`max ${mismatch ? "down" : ""}`}
          title={mismatch ? `Tổng các tiêu chí con: ${formatPoints(childSum)}` : undefined}
        >
          {formatPoints(node.maxPoints)} điểm
        </span>
      </div>
      {canEdit ? (
        <details className="node-edit">
          <summary>Sửa, thêm tiêu chí con ({node.code})</summary>
          <Form method="post" className="grid-4">
            <input type="hidden" name="intent" value="update-node" />
            <input type="hidden" name="nodeId" value={id} />
            <NodeFields prefix={`edit-${id}`} node={node} />
            <div className="field">
              <button type="submit">Lưu {node.code}</button>
            </div>
            <Errors errors={errorsFor(reply, "update-node", id)} />
          </Form>
          <Form method="post" className="grid-4">
            <input type="hidden" name="intent" value="add-node" />
            <input type="hidden" name="parentId" value={id} />
            <div className="field">
              <label htmlFor={`add-${id}-code`}>Mã tiêu chí con</label>
              <input
                id={`add-${id}-code`}
                name="code"
                type="text"
                placeholder={`${node.code}.${node.children.length + 1}`}
                required
              />
            </div>
            <NodeFields prefix={`add-${id}`} />
            <div className="field">
              <button type="submit">Thêm tiêu chí con</button>
            </div>
            <Errors errors={errorsFor(reply, "add-node", id)} />
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete-node" />
            <input type="hidden" name="nodeId" value={id} />
            <button type="submit" className="danger small-button">
              Xóa {node.code} và các tiêu chí con
            </button>
            <Errors errors={errorsFor(reply, "delete-node", id)} />
          </Form>
        </details>
      ) : null}
      {node.children.length ? (
        <ul className="tree">
          {node.children.map((c) => (
            <NodeItem key={c.code} node={c} ids={ids} canEdit={canEdit} reply={reply} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export default function FrameworkPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<Reply>();
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
              <NodeItem key={a.code} node={a} ids={data.ids} canEdit={data.canEdit} reply={reply} />
            ))}
          </ul>
          {data.canEdit ? (
            <details>
              <summary>Thêm lĩnh vực</summary>
              <Form method="post" className="grid-4">
                <input type="hidden" name="intent" value="add-node" />
                <div className="field">
                  <label htmlFor="add-area-code">Mã lĩnh vực</label>
                  <input
                    id="add-area-code"
                    name="code"
                    type="text"
                    placeholder={String(data.areas.length + 1)}
                    required
                  />
                </div>
                <NodeFields prefix="add-area" />
                <div className="field">
                  <button type="submit">Thêm lĩnh vực</button>
                </div>
                <Errors errors={errorsFor(reply, "add-node", "")} />
              </Form>
            </details>
          ) : null}
        </section>
        <section className="card">
          <h2>Xếp loại</h2>
          {data.canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="update-bands" />
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Mức</th>
                    <th scope="col">Từ (%)</th>
                  </tr>
                </thead>
                <tbody>
                  {data.bands.map((b, i) => (
                    <tr key={i}>
                      <td>
                        <label className="visually-hidden" htmlFor={`band-${i}-name`}>
                          Tên mức {i + 1}
                        </label>
                        <input id={`band-${i}-name`} name={`bands[${i}].name`} type="text" defaultValue={b.name} />
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`band-${i}-min`}>
                          Ngưỡng của mức {i + 1}
                        </label>
                        <input
                          id={`band-${i}-min`}
                          name={`bands[${i}].minPct`}
                          type="number"
                          step="0.01"
                          min="0"
                          max="100"
                          defaultValue={b.minPct}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="submit">Lưu xếp loại</button>
              <Errors errors={errorsFor(reply, "update-bands", "")} />
            </Form>
          ) : (
            <ul>
              {data.bands.map((b) => (
                <li key={b.name}>
                  {b.name}: từ {formatPoints(b.minPct)}%
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
