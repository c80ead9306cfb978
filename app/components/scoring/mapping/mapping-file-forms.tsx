import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { ErrorMessage } from "#app/ui/field.tsx";
import { ImportErrorsTable } from "#app/ui/import-errors.tsx";

type Last =
  | {
      intent: string;
      result?: SubmissionResult<string[]>;
      message?: string | null;
      errors?: Array<{ row: number; column: string; message: string }>;
    }
  | undefined;

/** Import the mapping from a CSV/XLSX table, or drop the confirmed mapping to go back to the suggestion. */
export function MappingFileForms({ last, stored }: { last: Last; stored: boolean }) {
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const [importForm, importFields] = useForm({
    id: "mapping-import",
    lastResult: last?.intent === "import" ? last.result : undefined,
  });
  const [resetForm] = useForm({ id: "mapping-reset", lastResult: last?.intent === "reset" ? last.result : undefined });
  const fileErrors = importFields.file?.errors;
  const rowErrors = last?.intent === "import" ? (last.errors ?? []) : [];
  const done = (intent: string) =>
    last?.intent === intent && last.message ? (
      <p role="status" className="up">
        {last.message}
      </p>
    ) : null;
  return (
    <div className="grid-2">
      <section className="card">
        <h2>Nhập bảng ánh xạ từ tệp</h2>
        <Form method="post" encType="multipart/form-data" {...getFormProps(importForm)}>
          <input type="hidden" name="intent" value="import" />
          <div className="field">
            <label htmlFor="mapping-file">Tệp ánh xạ (.csv hoặc .xlsx)</label>
            <input
              id="mapping-file"
              name="file"
              type="file"
              accept=".csv,.xlsx"
              required
              aria-invalid={fileErrors ? true : undefined}
              aria-describedby={fileErrors ? "mapping-file-error" : "mapping-file-hint"}
            />
            <p className="hint" id="mapping-file-hint">
              Cột mã tiêu chí năm nay (ma) và mã năm trước (ma_nam_truoc); nhiều mã cách nhau bằng “;”. Tiêu chí không
              có tương ứng thì không ghi. Tệp có dòng lỗi thì không lưu gì.
            </p>
            {fileErrors ? <ErrorMessage id="mapping-file-error">{fileErrors.join(" ")}</ErrorMessage> : null}
          </div>
          <button type="submit" disabled={busy("import")}>
            {busy("import") ? "Đang nhập…" : "Nhập và lưu"}
          </button>
        </Form>
        {done("import")}
        {rowErrors.length ? (
          <div className="form-error" role="alert">
            <p>Tệp có {rowErrors.length} lỗi, chưa lưu gì:</p>
            <ImportErrorsTable errors={rowErrors} />
          </div>
        ) : null}
      </section>
      <section className="card">
        <h2>Trở về bảng gợi ý</h2>
        <p className="hint">
          Bỏ bảng ánh xạ đã xác nhận: phân tích theo tiêu chí dùng lại bảng gợi ý tự động (cùng mã hoặc cùng tên).
        </p>
        <Form method="post" {...getFormProps(resetForm)}>
          <input type="hidden" name="intent" value="reset" />
          <button type="submit" className="danger" disabled={!stored || busy("reset")}>
            Bỏ bảng đã xác nhận
          </button>
        </Form>
        {done("reset")}
      </section>
    </div>
  );
}
