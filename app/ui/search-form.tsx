import { Form } from "@remix-run/react";

/**
 * A search on the page itself, as a GET form: it works without JavaScript, keeps the page's other
 * parameters (`keep`), and with JavaScript the navigation keeps what other forms on the page hold.
 */
export function SearchForm({
  id,
  name,
  label,
  value,
  placeholder,
  keep = {},
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  placeholder?: string;
  keep?: Record<string, string>;
}) {
  return (
    <Form method="get" className="filters" role="search" preventScrollReset replace>
      {Object.entries(keep)
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} name={name} type="search" defaultValue={value} placeholder={placeholder} />
      </div>
      <div className="field">
        <button type="submit">Tìm</button>
      </div>
    </Form>
  );
}

/** What a picker's search found, said once for screen readers: none, all, or the first `shown` of more. */
export function searchOutcome(
  { q, searched, shown, more }: { q: string; searched: boolean; shown: number; more: boolean },
  noun = "đại biểu",
): string {
  if (!searched) return `Gõ ít nhất 2 chữ của họ tên, chức vụ, đơn vị hoặc thư điện tử để tìm ${noun}.`;
  if (shown === 0) return `Không tìm thấy ${noun} nào khớp “${q}”.`;
  return more ? `${shown} ${noun} đầu tiên khớp “${q}”; gõ thêm để thu hẹp.` : `${shown} ${noun} khớp “${q}”.`;
}
