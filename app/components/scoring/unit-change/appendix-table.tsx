import { Form, Link } from "@remix-run/react";
import { formatPoints } from "#app/scoring/format.ts";

/** Phụ lục 1 / 2 of a unit: the criteria at full marks, or those that lost points. */
function AppendixTable({
  items,
  lost,
}: {
  items: Array<{
    code: string;
    title: string;
    maxPoints: number;
    points: number;
    pointsLost: number;
    path: Array<{ code: string; title: string }>;
  }>;
  lost: boolean;
}) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Mã</th>
          <th scope="col">Tiêu chí, tiêu chí thành phần</th>
          <th scope="col" className="num">
            Tối đa
          </th>
          <th scope="col" className="num">
            Đạt
          </th>
          {lost ? (
            <th scope="col" className="num">
              Mất điểm
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.code}>
            <td>{i.code}</td>
            <td>
              {i.title}
              <div className="muted small">{i.path.map((p) => `${p.code}. ${p.title}`).join(" › ")}</div>
            </td>
            <td className="num">{formatPoints(i.maxPoints)}</td>
            <td className="num">{formatPoints(i.points)}</td>
            {lost ? <td className="num down">{formatPoints(i.pointsLost)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type AppendixItem = Parameters<typeof AppendixTable>[0]["items"][number];

/** Both appendices of a unit, with its remediation plans (or the button that makes one from Phụ lục 2). */
export function UnitAppendices({
  appendices,
  plans,
  canPlan,
}: {
  appendices: { lostPoints: AppendixItem[]; fullMarks: AppendixItem[] };
  plans: Array<{ id: string; title: string }>;
  canPlan: boolean;
}) {
  const data = { appendices, plans, canPlan };
  return (
    <>
      <section className="card">
        <div className="page-head">
          <h2>Phụ lục 2: Tiêu chí bị mất điểm ({data.appendices.lostPoints.length})</h2>
          {data.plans.length ? (
            <span>
              Kế hoạch khắc phục:{" "}
              {data.plans.map((p) => (
                <Link key={p.id} to={`/remediation/${p.id}`}>
                  {p.title}
                </Link>
              ))}
            </span>
          ) : data.canPlan && data.appendices.lostPoints.length ? (
            <Form method="post">
              <button type="submit" className="primary">
                Lập kế hoạch khắc phục từ Phụ lục 2
              </button>
            </Form>
          ) : null}
        </div>
        <AppendixTable items={data.appendices.lostPoints} lost />
      </section>
      <section className="card">
        <h2>Phụ lục 1: Tiêu chí đạt điểm tối đa ({data.appendices.fullMarks.length})</h2>
        <AppendixTable items={data.appendices.fullMarks} lost={false} />
      </section>
    </>
  );
}
