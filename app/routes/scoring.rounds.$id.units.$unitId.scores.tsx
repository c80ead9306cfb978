import { ErrorMessage } from "#app/ui/field.tsx";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { roundCrumbs } from "#app/components/scoring/crumbs.ts";
import { saveScoreGrid } from "#app/scoring/unit-scores.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { loadRound } from "#app/scoring/rounds.server.ts";
import { parseScoreGrid } from "#app/scoring/score-grid.ts";
import { notFound, requireRound } from "#app/auth/guard.server.ts";
import { formatPoints } from "#app/scoring/format.ts";

export const meta: MetaFunction = () => [{ title: "Chấm điểm · Chỉ số CCHC" }];

/** The round and unit whose scores are edited: Nội vụ (or an ADMIN) of the organisation running the round. */
async function editable(request: Request, roundId: string | undefined, roundUnitId: string | undefined) {
  const { user, round } = await requireRound(request, roundId, "scoring.manage");
  const loaded = await loadRound(round.id);
  const unit = loaded?.units.find((u) => u.roundUnitId === roundUnitId);
  if (!loaded || !unit || !loaded.compiled || !loaded.stored) notFound("Không tìm thấy đợt đánh giá hoặc đơn vị này.");
  return { user, loaded, unit, compiled: loaded.compiled, stored: loaded.stored };
}

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [
    ...roundCrumbs(data?.round),
    {
      label: data?.unit.name ?? "Đơn vị",
      to: data ? `/scoring/rounds/${data.round.id}/units/${data.unit.roundUnitId}` : undefined,
    },
    { label: "Chấm điểm" },
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded, unit, compiled } = await editable(request, params.id, params.unitId);
  const scores = loaded.scores.find((s) => s.unitId === unit.organizationId);
  const self = loaded.selfPoints.get(unit.organizationId);
  const finite = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "" : String(x));
  return {
    round: { id: loaded.round.id, title: loaded.round.title },
    unit: { name: unit.name, roundUnitId: unit.roundUnitId },
    rows: compiled.nodes.map((n, i) => ({
      i,
      code: n.code,
      title: n.title,
      maxPoints: n.maxPoints,
      leaf: compiled.isLeaf[i] === 1,
      depth: n.code.split(".").length,
      final: scores && "notApplicable" in scores ? finite(scores.points[i]) : "",
      self: finite(self?.[i]),
      na: scores && "notApplicable" in scores ? scores.notApplicable[i] === 1 : false,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, loaded, unit, compiled, stored } = await editable(request, params.id, params.unitId);
  const { values, errors } = parseScoreGrid(compiled, await request.formData());
  if (Object.keys(errors).length) return reply({ errors }, 400);
  await saveScoreGrid(userActor(user), loaded, compiled, stored.nodeIds, unit, values);
  return redirect(`/scoring/rounds/${loaded.round.id}/units/${unit.roundUnitId}`);
}

export default function ScoreGrid() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <h1>Chấm điểm: {data.unit.name}</h1>
      {Object.keys(errors).length ? (
        <div className="form-error" role="alert">
          Có {Object.keys(errors).length} ô chưa hợp lệ; chưa lưu điểm nào.
        </div>
      ) : null}
      <Form method="post">
        <div className="table-scroll">
          <table className="table score-grid">
            <thead>
              <tr>
                <th scope="col">Mã</th>
                <th scope="col">Tiêu chí</th>
                <th scope="col" className="num">
                  Tối đa
                </th>
                <th scope="col">Tự chấm</th>
                <th scope="col">Thẩm định</th>
                <th scope="col">Không áp dụng</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.code}>
                  <td className="code">{r.code}</td>
                  <td
                    className={r.depth === 1 ? "strong" : ""}
                    style={{ paddingLeft: `${0.75 + (r.depth - 1) * 1}rem` }}
                  >
                    {r.title}
                  </td>
                  <td className="num">{formatPoints(r.maxPoints)}</td>
                  {r.leaf ? (
                    <>
                      {(["self", "final"] as const).map((k) => {
                        const name = `${k}-${r.i}`;
                        return (
                          <td key={k}>
                            <input
                              type="text"
                              inputMode="decimal"
                              name={name}
                              defaultValue={r[k]}
                              aria-label={`${k === "self" ? "Tự chấm" : "Thẩm định"} ${r.code}`}
                              aria-invalid={errors[name] ? true : undefined}
                              aria-describedby={errors[name] ? `${name}-error` : undefined}
                            />
                            {errors[name] ? <ErrorMessage id={`${name}-error`}>{errors[name]}</ErrorMessage> : null}
                          </td>
                        );
                      })}
                    </>
                  ) : (
                    <td colSpan={2} />
                  )}
                  <td>
                    <input
                      type="checkbox"
                      name={`na-${r.i}`}
                      defaultChecked={r.na}
                      aria-label={`${r.code} không áp dụng`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={navigation.state !== "idle"}>
            {navigation.state === "submitting" ? "Đang lưu…" : "Lưu điểm"}
          </button>
        </div>
      </Form>
    </div>
  );
}
