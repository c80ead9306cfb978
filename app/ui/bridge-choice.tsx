import { useLocation } from "@remix-run/react";
import { SearchForm } from "#app/ui/search-form.tsx";

/**
 * The bridge points a form's <select> offers (app/database/bridge-search.server.ts): every one of a
 * district's dozen, or for a nation-wide conference the first ones or those the search `bq` found.
 */
export interface BridgeChoiceList {
  rows: Array<{ id: string; name: string }>;
  total: number;
  matching: number;
  searched: boolean;
  /** More bridge points than a <select> lists: the page shows the search. */
  limited: boolean;
  q: string;
}

/** The <option>s of a bridge-point <select> (after the caller's own first option). */
export function BridgeOptions({ choices, prefix = "" }: { choices: BridgeChoiceList; prefix?: string }) {
  return (
    <>
      {choices.rows.map((b) => (
        <option key={b.id} value={b.id}>
          {prefix}
          {b.name}
        </option>
      ))}
    </>
  );
}

/**
 * For a conference with more bridge points than a <select> lists: a search (GET `bq`, keeping the page's
 * other parameters) that narrows the choices, and what they hold. Nothing for a smaller conference.
 */
export function BridgeChoiceSearch({ choices, id }: { choices: BridgeChoiceList; id: string }) {
  const { search } = useLocation();
  if (!choices.limited) return null;
  const keep = Object.fromEntries([...new URLSearchParams(search)].filter(([k]) => k !== "bq"));
  const total = choices.total.toLocaleString("vi-VN");
  return (
    <>
      <SearchForm
        id={id}
        name="bq"
        label={`Tìm điểm cầu để chọn (trong ${total} điểm cầu)`}
        value={choices.q}
        placeholder="Tên điểm cầu, đơn vị, người phụ trách"
        keep={keep}
      />
      <p className="muted small" role="status">
        {choices.searched
          ? choices.matching === 0
            ? `Không có điểm cầu nào khớp “${choices.q}”.`
            : `Danh sách chọn có ${choices.rows.length} trong ${choices.matching.toLocaleString("vi-VN")} điểm cầu khớp “${choices.q}”.`
          : `Danh sách chọn có ${choices.rows.length} điểm cầu đầu tiên trong ${total}; tìm để chọn điểm cầu khác.`}
      </p>
    </>
  );
}
