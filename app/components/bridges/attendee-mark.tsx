import { ErrorMessage } from "#app/ui/field.tsx";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { BridgeRollCallRow } from "#app/attendance/bridge-roll-call.server.ts";
import type { MarkReply } from "#app/bridges/roll-call-page.server.ts";

function statusClass(row: BridgeRollCallRow): string {
  if (row.status === "ABSENT") return "readiness-failed";
  if (row.status) return "readiness-passed";
  return "readiness-untested";
}

/** One attendee of a bridge's roll call: present, absent with a reason, or a substitute, saved on its own. */
export function AttendeeMark({ row }: { row: BridgeRollCallRow }) {
  const fetcher = useFetcher<MarkReply>();
  const result = fetcher.data && fetcher.data.attendeeId === row.id ? fetcher.data : null;
  const error = result && !result.ok ? result : null;
  const errorField = error && "field" in error ? error.field : undefined;
  const idp = `m-${row.id}`;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);
  const invalid = (field: string) => ({
    "aria-invalid": errorField === field || undefined,
    "aria-describedby": errorField === field ? `${idp}-error` : undefined,
  });
  return (
    <li className="card roll-card">
      <div className="roll-head">
        <div>
          <strong>{row.name}</strong>
          <div className="muted small">{[row.position, row.organizationName].filter(Boolean).join(" · ")}</div>
        </div>
        <span className={`badge ${statusClass(row)}`}>{row.label}</span>
      </div>
      {row.detail ? <p className="small muted roll-detail">{row.detail}</p> : null}
      <fetcher.Form method="post" ref={formRef} className="roll-form" aria-label={`Điểm danh ${row.name}`}>
        <input type="hidden" name="attendeeId" value={row.id} />
        <fieldset className="verdict roll-choices">
          <legend>Kết quả điểm danh</legend>
          <label>
            <input
              type="radio"
              name="status"
              value="PRESENT"
              defaultChecked={row.status !== "ABSENT" && row.status !== "SUBSTITUTE"}
            />{" "}
            Có mặt
          </label>
          <label>
            <input type="radio" name="status" value="ABSENT" defaultChecked={row.status === "ABSENT"} /> Vắng mặt
          </label>
          <label>
            <input type="radio" name="status" value="SUBSTITUTE" defaultChecked={row.status === "SUBSTITUTE"} /> Người
            dự thay
          </label>
        </fieldset>
        <div className="roll-inputs">
          <div className="field reason-field">
            <label htmlFor={`${idp}-reason`}>Lý do vắng mặt</label>
            <input
              id={`${idp}-reason`}
              type="text"
              name="absenceReason"
              maxLength={500}
              {...invalid("absenceReason")}
            />
          </div>
          <div className="field sub-field">
            <label htmlFor={`${idp}-sub`}>Họ tên người dự thay</label>
            <input id={`${idp}-sub`} type="text" name="substituteName" maxLength={200} {...invalid("substituteName")} />
          </div>
        </div>
        {error ? <ErrorMessage id={`${idp}-error`}>{error.message}</ErrorMessage> : null}
        {result?.ok ? (
          <p className="small" role="status">
            {result.message}
          </p>
        ) : null}
        <div className="operator-link">
          <button type="submit" className="primary" disabled={fetcher.state !== "idle"}>
            Lưu
          </button>
          {row.status ? (
            <button
              type="submit"
              name="status"
              value="CLEAR"
              className="small-button"
              disabled={fetcher.state !== "idle"}
            >
              Xóa kết quả
            </button>
          ) : null}
        </div>
      </fetcher.Form>
    </li>
  );
}
