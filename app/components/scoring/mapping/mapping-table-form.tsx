import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState, type CSSProperties } from "react";
import type { z } from "zod";
import { unusedByCode, type MappingEditorRow } from "#app/components/scoring/mapping/mapping-view.ts";
import { formatPoints } from "#app/scoring/format.ts";
import { splitCellCodes, type saveMappingSchema } from "#app/scoring/mapping-forms.ts";
import { ErrorMessage } from "#app/ui/field.tsx";

/** Folded for the filter: lower case, no diacritics. */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();

/**
 * The mapping as one form: a row per node of this year's framework, indented by depth, with the
 * previous code(s) it is compared with. Several codes separated by “;” merge criteria; the same previous
 * code on several rows splits one. A filter hides rows (they are still sent).
 */
export function MappingTableForm({
  rows,
  previousOptions,
  canManage,
  last,
}: {
  rows: MappingEditorRow[];
  previousOptions: Array<{ code: string; title: string }>;
  canManage: boolean;
  last: { result?: SubmissionResult<string[]>; message?: string | null } | undefined;
}) {
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const [form, fields] = useForm<z.input<typeof saveMappingSchema>>({
    id: "mapping-save",
    lastResult: last?.result,
    defaultValue: { intent: "save", rows: rows.map((r) => ({ current: r.code, previous: r.previous })) },
  });
  const rowFields = fields.rows.getFieldList();
  const [filter, setFilter] = useState("");
  const [onlyEmpty, setOnlyEmpty] = useState(false);
  const [values, setValues] = useState<Record<number, string>>({});
  const needle = fold(filter.trim());
  const shown = (r: MappingEditorRow, i: number) =>
    (!needle || fold(`${r.code} ${r.title}`).includes(needle)) && (!onlyEmpty || !(values[i] ?? r.previous).trim());
  const used = new Set(rows.flatMap((r, i) => splitCellCodes(values[i] ?? r.previous)));
  const unused = unusedByCode(previousOptions, used);
  const invalid = rowFields.filter((f) => f.getFieldset().previous.errors).length;
  return (
    <>
      <section className="card">
        <h2>Bảng ánh xạ</h2>
        <p className="hint">
          Mỗi dòng là một mục của bộ chỉ số năm nay; ghi mã năm trước tương ứng. Gộp nhiều tiêu chí năm trước: ghi các
          mã cách nhau bằng “;”. Một tiêu chí năm trước tách thành nhiều: ghi cùng mã đó ở các dòng năm nay. Để trống:
          tiêu chí mới, không so sánh.
        </p>
        <div className="filters mapping-filters">
          <div className="field">
            <label htmlFor="mapping-filter">Lọc theo mã hoặc tên</label>
            <input id="mapping-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={onlyEmpty} onChange={(e) => setOnlyEmpty(e.target.checked)} /> Chỉ dòng chưa
            có mã năm trước
          </label>
        </div>
        <Form method="post" {...getFormProps(form)} aria-busy={saving}>
          <input type="hidden" name="intent" value="save" />
          {form.errors?.length ? <ErrorMessage id={form.errorId}>{form.errors.join(" ")}</ErrorMessage> : null}
          {invalid ? (
            <p className="form-error" role="alert">
              {invalid} dòng có lỗi, chưa lưu gì: xem các dòng được đánh dấu bên dưới.
            </p>
          ) : null}
          <datalist id="mapping-previous-codes">
            {previousOptions.map((o) => (
              <option key={o.code} value={o.code}>
                {`${o.code} ${o.title}`}
              </option>
            ))}
          </datalist>
          <div className="table-scroll">
            <table className="table mapping-table">
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Mục năm nay</th>
                  <th scope="col" className="num">
                    Tối đa
                  </th>
                  <th scope="col">Mã năm trước</th>
                  <th scope="col" className="mapping-reason">
                    Gợi ý
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const f = rowFields[i]?.getFieldset();
                  const errors = f?.previous.errors;
                  const id = f?.previous.id ?? `mapping-row-${i}`;
                  return (
                    <tr key={r.code} hidden={!shown(r, i) && !errors} className={`depth-${r.depth}`}>
                      <td>{r.code}</td>
                      <td className="mapping-title" style={{ "--depth": r.depth } as CSSProperties}>
                        {r.depth === 0 ? <strong>{r.title}</strong> : r.title}
                      </td>
                      <td className="num">{formatPoints(r.maxPoints)}</td>
                      <td>
                        <input type="hidden" name={`rows[${i}].current`} value={r.code} />
                        <input
                          id={id}
                          name={`rows[${i}].previous`}
                          type="text"
                          list="mapping-previous-codes"
                          defaultValue={r.previous}
                          readOnly={!canManage}
                          aria-label={`Mã năm trước của ${r.code}`}
                          aria-invalid={errors ? true : undefined}
                          aria-describedby={errors ? f?.previous.errorId : undefined}
                          onChange={(e) => setValues((v) => ({ ...v, [i]: e.target.value }))}
                          className="mapping-input"
                        />
                        {errors ? <ErrorMessage id={f?.previous.errorId}>{errors.join(" ")}</ErrorMessage> : null}
                      </td>
                      <td className="muted small mapping-reason">
                        {r.reason ?? (r.previous ? "" : <span className="mapping-new">Chưa có mã tương ứng</span>)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {canManage ? (
            <p>
              <button type="submit" className="primary" disabled={saving}>
                {saving ? "Đang lưu…" : "Xác nhận và lưu bảng ánh xạ"}
              </button>{" "}
              {last?.message ? (
                <span role="status" className="up">
                  {last.message}
                </span>
              ) : null}
            </p>
          ) : null}
        </Form>
      </section>
      <section className="card">
        <h2>Không còn đánh giá ({unused.length})</h2>
        <p className="hint">
          Mục của bộ chỉ số năm trước chưa được ghép với mã nào năm nay (kể cả các mục con), theo bảng đang sửa.
        </p>
        {unused.length ? (
          <ul className="mapping-unused">
            {unused.map((n) => (
              <li key={n.code}>
                <strong>{n.code}</strong> {n.title}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">Mọi mục của bộ chỉ số năm trước đều đã được ghép.</p>
        )}
      </section>
    </>
  );
}
