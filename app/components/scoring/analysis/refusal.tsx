import { Link } from "@remix-run/react";
import type { RefusalView, RoundHead } from "#app/components/scoring/analysis/view-model.ts";

// Why the analysis cannot be made (no previous round, a round with totals only, a stored mapping that no
// longer fits): said plainly, with the way out (the mapping editor, the round page).

export function AnalysisRefusal({ round, refusal }: { round: RoundHead; refusal: RefusalView | null }) {
  return (
    <section className="card analysis-refusal">
      <p className="muted">
        {round.title}
        {round.previousRound ? ` so với ${round.previousRound.title}` : ""}
      </p>
      <div className="problems" role="status">
        <p>
          <strong>Chưa phân tích được theo tiêu chí.</strong> {refusal?.message}
        </p>
        {refusal?.problems.length ? (
          <ul>
            {refusal.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {round.previousRound ? (
        <p className="hint">Tổng điểm, chỉ số, hạng và xếp loại so với năm trước vẫn có trên trang đợt đánh giá.</p>
      ) : null}
      <p>
        {refusal?.mappingUrl ? (
          <>
            <Link to={refusal.mappingUrl} className="button">
              Mở bảng ánh xạ mã giữa hai bộ chỉ số
            </Link>{" "}
          </>
        ) : null}
        <Link to={`/scoring/rounds/${round.id}`}>Về trang đợt đánh giá</Link>
      </p>
    </section>
  );
}
