import {
  checklistGaps,
  formatMbps,
  formatMs,
  formatPercent,
  READINESS_LABEL,
  type Readiness,
} from "#app/bridges/verdict.ts";

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  return <span className={`badge readiness-${readiness.toLowerCase()}`}>{READINESS_LABEL[readiness]}</span>;
}

export interface HistoryRow {
  id: string;
  when: string;
  operatorName: string;
  latencyMs: number | null;
  jitterMs: number | null;
  lossPercent: number | null;
  downloadMbps: number | null;
  uploadMbps: number | null;
  camera: boolean;
  microphone: boolean;
  screen: boolean;
  sound: boolean;
  backupConnection: boolean;
  notes: string;
  result: Readiness;
}

/** Previous connectivity tests of one bridge point, newest first. */
export function TestHistoryTable({ rows, caption }: { rows: HistoryRow[]; caption: string }) {
  if (!rows.length) return <p className="empty">Chưa có lần kiểm tra nào.</p>;
  return (
    <div className="table-scroll">
      <table className="table bridge-history">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Kết quả</th>
            <th scope="col" className="num">
              Độ trễ
            </th>
            <th scope="col" className="num">
              Dao động
            </th>
            <th scope="col" className="num">
              Mất gói
            </th>
            <th scope="col" className="num">
              Tải xuống / lên
            </th>
            <th scope="col">Thiết bị chưa đạt</th>
            <th scope="col">Người kiểm tra, ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => {
            const gaps = checklistGaps(t);
            return (
              <tr key={t.id}>
                <td data-label="Thời gian">{t.when}</td>
                <td data-label="Kết quả">
                  <ReadinessBadge readiness={t.result} />
                </td>
                <td data-label="Độ trễ" className="num">
                  {formatMs(t.latencyMs)}
                </td>
                <td data-label="Dao động" className="num">
                  {formatMs(t.jitterMs)}
                </td>
                <td data-label="Mất gói" className="num">
                  {formatPercent(t.lossPercent)}
                </td>
                <td data-label="Tải xuống / lên" className="num">
                  {formatMbps(t.downloadMbps)} / {formatMbps(t.uploadMbps)}
                </td>
                <td data-label="Thiết bị chưa đạt">{gaps.length ? gaps.join(", ") : "Không"}</td>
                <td data-label="Người kiểm tra">
                  {t.operatorName}
                  {t.notes ? <div className="muted small">{t.notes}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Copies a text (an operator link) to the clipboard, with a visible confirmation. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  return (
    <button
      type="button"
      className="small-button"
      aria-label={label}
      onClick={(e) => {
        const button = e.currentTarget;
        const done = () => {
          button.textContent = "Đã sao chép";
          setTimeout(() => (button.textContent = "Sao chép"), 2000);
        };
        if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, () => undefined);
      }}
    >
      Sao chép
    </button>
  );
}
