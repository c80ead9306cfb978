import type { FetcherWithComponents } from "@remix-run/react";
import { useRef } from "react";
import { ErrorMessage } from "#app/ui/field.tsx";

export interface Picked {
  id: string;
  name: string;
  position: string;
  organizationName: string;
  email: string;
}

/**
 * "Chosen people": search the attendees (by name, organisation or e-mail, with or without diacritics;
 * the server answers the first 20 matches) and pick them; the picked ones go with the form as
 * `attendeeIds`.
 */
export function AttendeePicker({
  conferenceId,
  search,
  picked,
  onChange,
  errors,
  errorId,
}: {
  conferenceId: string;
  search: FetcherWithComponents<{ matches: Picked[] }>;
  picked: Picked[];
  onChange: (next: Picked[]) => void;
  errors: string[] | undefined;
  errorId: string;
}) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chosen = new Set(picked.map((p) => p.id));
  const matches = (search.data?.matches ?? []).filter((m) => !chosen.has(m.id));
  const find = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (q.trim()) search.load(`/conferences/${conferenceId}/reminders?q=${encodeURIComponent(q.trim())}`);
    }, 250);
  };
  const who = (p: Picked) => [p.name, p.position, p.organizationName].filter(Boolean).join(", ");
  return (
    <div className="attendee-picker">
      <label htmlFor="reminder-search">Tìm đại biểu (họ tên, cơ quan hoặc thư điện tử)</label>
      <input
        id="reminder-search"
        type="search"
        autoComplete="off"
        onChange={(e) => find(e.currentTarget.value)}
        aria-describedby={errors ? errorId : undefined}
      />
      {matches.length ? (
        <ul className="picker-results" aria-label="Kết quả tìm">
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" onClick={() => onChange([...picked, m])}>
                Chọn<span className="visually-hidden"> {m.name}</span>
              </button>{" "}
              {who(m)} <span className="muted small">{m.email}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small">Đã chọn {picked.length} người.</p>
      {picked.length ? (
        <ul className="picker-chosen" aria-label="Người đã chọn">
          {picked.map((p) => (
            <li key={p.id}>
              <input type="hidden" name="attendeeIds" value={p.id} />
              {who(p)}{" "}
              <button type="button" onClick={() => onChange(picked.filter((x) => x.id !== p.id))}>
                Bỏ<span className="visually-hidden"> {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {errors ? <ErrorMessage id={errorId}>{errors.join(" ")}</ErrorMessage> : null}
    </div>
  );
}
