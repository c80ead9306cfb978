// The banners above the result: credential expired, offline with the queue's size, syncing, or what the
// last sync sent (and which offline admissions the server refused).

import { formatScanTime } from "#app/checkin/format.ts";
import type { SyncReport } from "#app/checkin/scanner/client.ts";

export function StatusBanners({
  base,
  authExpired,
  offline,
  queued,
  syncNote,
  cancelled,
}: {
  base: string;
  authExpired: boolean;
  offline: boolean;
  queued: number;
  syncNote: SyncReport | null;
  cancelled: boolean;
}) {
  return (
    <>
      {authExpired ? (
        <div className="scanner-banner expired" role="alert">
          Phiên quét đã hết hạn hoặc bị thu hồi.
          <p>
            Hãy <a href={base}>tải lại trang</a> (đăng nhập nếu được hỏi) để tiếp tục; các lượt quét đang chờ vẫn được
            giữ trên máy.
          </p>
        </div>
      ) : null}
      {offline ? (
        <div className="scanner-banner offline" role="status">
          Ngoại tuyến — các lượt quét được lưu trên máy và sẽ đồng bộ khi có mạng
          <p>
            Đang chờ đồng bộ: <span data-testid="queued">{queued}</span> lượt quét
          </p>
        </div>
      ) : queued > 0 ? (
        <div className="scanner-banner syncing" role="status">
          Đang đồng bộ {queued} lượt quét lưu trên máy…
        </div>
      ) : syncNote ? (
        <div className="scanner-banner syncing" role="status">
          Đã đồng bộ {syncNote.sent} lượt quét lưu khi ngoại tuyến.
          {syncNote.refused.map((r, i) => (
            <p key={i}>
              Lượt quét {formatScanTime(r.scannedAt)}
              {r.name ? ` (${r.name})` : ""} bị máy chủ từ chối: {r.message}
            </p>
          ))}
        </div>
      ) : null}
      {cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã bị hủy: mọi lượt quét sẽ bị từ chối.
        </p>
      ) : null}
    </>
  );
}
