// One attendee's row on the roll-call page: who, their current mark, and a form that saves a new one
// (only the field the chosen mark needs is shown once JavaScript runs; all of them without it).

import { useFetcher } from "@remix-run/react";
import { useId, useState, useSyncExternalStore } from "react";
import type { RollCallAnswer, rollCallPage } from "#app/attendance/roll-call.server.ts";
import type { AttendanceStatus } from "#app/checkin/types.ts";

type RollCallRow = Awaited<ReturnType<typeof rollCallPage>>["rows"][number];

const noSubscription = () => () => {};
/** False in the server's HTML and during hydration, true once React runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

const MARK_OPTIONS: Array<{ value: AttendanceStatus | "CLEAR"; label: string }> = [
  { value: "IN_PERSON", label: "Có mặt trực tiếp" },
  { value: "ONLINE", label: "Dự trực tuyến tại điểm cầu" },
  { value: "ABSENT", label: "Vắng mặt" },
  { value: "SUBSTITUTE", label: "Người dự thay có mặt" },
  { value: "CLEAR", label: "Chưa điểm danh (xóa kết quả)" },
];

// Every bridge point in every row's list is fine for a district (a dozen) but not for a province-wide
// conference (hundreds × 300 rows): beyond this many, a row offers the bridges that concern it
// (where the attendee is invited or recorded, and the one the list is filtered by).
const ALL_BRIDGES_IN_ROW = 40;

function bridgeChoices(
  bridges: Array<{ id: string; name: string }>,
  total: number,
  relevant: Array<string | null | undefined>,
) {
  if (total <= ALL_BRIDGES_IN_ROW) return bridges;
  const wanted = new Set(relevant.filter((id): id is string => !!id));
  return bridges.filter((b) => wanted.has(b.id));
}

export function RollCallRowForm({
  row,
  index,
  bridges,
  bridgeTotal,
  filterBridge,
  pageReply,
}: {
  row: RollCallRow;
  index: number;
  bridges: Array<{ id: string; name: string }>;
  /** The conference's bridge points (`bridges` may hold only those the page's rows concern). */
  bridgeTotal: number;
  filterBridge: string;
  pageReply: RollCallAnswer | undefined;
}) {
  const fetcher = useFetcher<RollCallAnswer>();
  const id = useId();
  const hydrated = useHydrated();
  const a = row.attendance;
  // The mark chosen in the select; a new saved mark (the page data) replaces an older choice.
  const saved = a?.status ?? "IN_PERSON";
  const [choice, setChoice] = useState<{ saved: string; value: string }>({ saved, value: saved });
  const status = choice.saved === saved ? choice.value : saved;
  const reply = fetcher.data ?? (pageReply?.attendeeId === row.id ? pageReply : undefined);
  const error = reply && !reply.ok ? reply : null;
  const busy = fetcher.state !== "idle";
  // With JavaScript only the field the chosen mark needs is shown; without, all of them.
  const show = (s: string) => !hydrated || status === s;
  const badge = a ? a.status.toLowerCase() : "none";
  return (
    <tr data-attendee={row.id}>
      <td className="num">{index}</td>
      <td className="who">
        <span className="strong">{row.name}</span>
        <div className="muted small">{[row.position, row.organizationName].filter(Boolean).join(" – ")}</div>
        <div className="muted small">Dự tại: {row.site}</div>
        <span className={`badge att-badge-${badge} att-badge`} data-testid="mark">
          {row.markText}
        </span>
        {row.markTime ? (
          <span className="muted small att-current">
            {row.markTime}
            {row.markMethod ? ` · ${row.markMethod}` : ""}
          </span>
        ) : null}
      </td>
      <td>
        <fetcher.Form method="post" className="att-mark" aria-label={`Điểm danh ${row.name}`} noValidate>
          <input type="hidden" name="attendeeId" value={row.id} />
          <div className="field">
            <label htmlFor={`${id}-status`}>Kết quả điểm danh</label>
            <select
              id={`${id}-status`}
              name="status"
              value={status}
              onChange={(e) => setChoice({ saved, value: e.currentTarget.value })}
              aria-invalid={error?.field === "status" || undefined}
            >
              {MARK_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field" hidden={!show("ONLINE")}>
            <label htmlFor={`${id}-bridge`}>Điểm cầu</label>
            <select
              id={`${id}-bridge`}
              name="bridgePointId"
              defaultValue={a?.bridgePointId ?? row.bridgePointId ?? ""}
              aria-invalid={error?.field === "bridgePointId" || undefined}
            >
              <option value="">— Chọn điểm cầu —</option>
              {bridgeChoices(bridges, bridgeTotal, [a?.bridgePointId, row.bridgePointId, filterBridge]).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field" hidden={!show("ABSENT")}>
            <label htmlFor={`${id}-reason`}>Lý do vắng mặt</label>
            <input
              id={`${id}-reason`}
              name="absenceReason"
              type="text"
              maxLength={500}
              defaultValue={a?.absenceReason ?? ""}
              aria-invalid={error?.field === "absenceReason" || undefined}
              aria-describedby={error?.field === "absenceReason" ? `${id}-msg` : undefined}
            />
          </div>
          <div className="field" hidden={!show("SUBSTITUTE")}>
            <label htmlFor={`${id}-substitute`}>Họ tên người dự thay</label>
            <input
              id={`${id}-substitute`}
              name="substituteName"
              type="text"
              maxLength={200}
              defaultValue={a?.substituteName || row.substituteForName || ""}
              aria-invalid={error?.field === "substituteName" || undefined}
              aria-describedby={error?.field === "substituteName" ? `${id}-msg` : undefined}
            />
          </div>
          <div className="att-actions">
            <button type="submit" className="small-button primary" disabled={busy}>
              {busy ? "Đang lưu…" : "Lưu"}
            </button>
          </div>
          {reply ? (
            <p
              id={`${id}-msg`}
              className={`att-msg ${reply.ok ? "up" : "field-error"}`}
              role={reply.ok ? "status" : "alert"}
            >
              {reply.message}
            </p>
          ) : null}
        </fetcher.Form>
      </td>
    </tr>
  );
}
