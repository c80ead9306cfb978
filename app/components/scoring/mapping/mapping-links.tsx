import { Link } from "@remix-run/react";

export interface PreviousFrameworkLink {
  id: string;
  name: string;
  year: number;
  version: number;
  /** Rounds of this framework compared with a round of that one. */
  rounds: string[];
  stored: boolean;
}

/** "Ánh xạ với bộ chỉ số năm trước": each previous framework this one is compared with, and its mapping's state. */
export function MappingLinks({ frameworkId, links }: { frameworkId: string; links: PreviousFrameworkLink[] }) {
  return (
    <section className="card">
      <h2>Ánh xạ với bộ chỉ số năm trước</h2>
      {links.length ? (
        <ul className="mapping-links">
          {links.map((l) => (
            <li key={l.id}>
              <Link to={`/scoring/frameworks/${frameworkId}/mapping/${l.id}`}>
                {l.name} (năm {l.year}, phiên bản {l.version})
              </Link>{" "}
              <span className={`mapping-badge ${l.stored ? "stored" : "suggested"}`}>
                {l.stored ? "đã xác nhận" : "gợi ý tự động"}
              </span>
              {l.rounds.length ? <div className="muted small">So sánh trong: {l.rounds.join("; ")}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">
          Chưa đợt đánh giá nào dùng bộ chỉ số này mà so với một đợt năm trước dùng bộ chỉ số khác, nên chưa cần ánh xạ
          mã.
        </p>
      )}
    </section>
  );
}
