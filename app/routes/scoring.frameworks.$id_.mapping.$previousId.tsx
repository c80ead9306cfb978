import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import analysisPanelsCss from "#app/components/scoring/analysis-panels.css?url";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { MappingFileForms } from "#app/components/scoring/mapping/mapping-file-forms.tsx";
import { MappingTableForm } from "#app/components/scoring/mapping/mapping-table-form.tsx";
import { mappingEditorView } from "#app/components/scoring/mapping/mapping-view.ts";
import { frameworkFor, notFound, requireFramework } from "#app/auth/guard.server.ts";
import type { Capability } from "#app/auth/policy.ts";
import { userActor } from "#app/database/audit.server.ts";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import type { ImportError } from "#app/lib/table/table.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { MAPPING_SOURCE_LABEL } from "#app/scoring/analysis-labels.ts";
import { checkMapping, suggestMapping } from "#app/scoring/analysis/index.ts";
import { parseMappingTable } from "#app/scoring/analysis-mapping-file.ts";
import { deleteMapping, loadStoredMapping, saveMapping } from "#app/scoring/framework-mapping.server.ts";
import { loadFramework } from "#app/scoring/frameworks.server.ts";
import { compileFramework } from "#app/scoring/index.ts";
import { groupsFromRows, mappingIntentSchema, problemsByField } from "#app/scoring/mapping-forms.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

// "Ánh xạ mã tiêu chí": which criterion of this year's framework ($id) is compared with which of the
// previous framework ($previousId). Shows the mapping Nội vụ confirmed, else the automatic suggestion
// with its reasons; saves it (checked whole: a bad code is named on its row and nothing is saved),
// imports it from a CSV/XLSX table, or drops it to go back to the suggestion.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ánh xạ mã tiêu chí · ${data?.current.name ?? "Bộ chỉ số"} · Hội nghị CCHC` },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: analysisPanelsCss }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [
    SCORING_CRUMB,
    ...(data ? [{ label: data.current.name, to: `/scoring/frameworks/${data.current.id}` }] : []),
    { label: "Ánh xạ mã tiêu chí" },
  ],
};

const MISSING = "Không tìm thấy bộ chỉ số này.";

/** Both frameworks, each one the user may see; `capability` is asked of this year's. */
async function guarded(request: Request, params: LoaderFunctionArgs["params"], capability: Capability) {
  const access = await requireFramework(request, params.id, capability);
  await frameworkFor(access.user, params.previousId, "scoring.view");
  const [current, previous] = await Promise.all([loadFramework(params.id!), loadFramework(params.previousId!)]);
  if (!current || !previous) notFound(MISSING);
  return {
    access,
    current: {
      id: current.id,
      organizationId: current.organizationId,
      compiled: compileFramework(current.framework),
      stored: current,
    },
    previous: { id: previous.id, compiled: compileFramework(previous.framework), stored: previous },
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, current, previous } = await guarded(request, params, "scoring.view");
  const same = current.id === previous.id;
  const stored = same ? null : await loadStoredMapping(current.id, previous.id);
  const suggestion = stored ? null : suggestMapping(current.compiled, previous.compiled);
  const view = mappingEditorView(current.compiled, previous.compiled, stored?.groups ?? suggestion!.groups, suggestion);
  const about = (f: typeof current.stored) => ({
    id: f.id,
    name: f.framework.name,
    year: f.framework.year,
    version: f.version,
  });
  return {
    current: about(current.stored),
    previous: about(previous.stored),
    same,
    source: stored ? ("stored" as const) : ("suggested" as const),
    sourceLabel: MAPPING_SOURCE_LABEL[stored ? "stored" : "suggested"],
    updatedAt: stored ? formatDateTime(stored.updatedAt) : null,
    /** Remounts the form after each save or reset (its inputs are uncontrolled). */
    savedAt: stored?.updatedAt.getTime() ?? 0,
    canManage: access.capabilities.has("scoring.manage") && !same,
    /** A stored mapping that no longer fits the frameworks (one was edited since): what to fix. */
    problems: stored ? checkMapping(stored.groups, current.compiled, previous.compiled).map((p) => p.message) : [],
    ...view,
  };
}

const SAME = "Hai năm dùng cùng một bộ chỉ số: so sánh theo mã, không cần bảng ánh xạ.";

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, current, previous } = await guarded(request, params, "scoring.manage");
  const actor = userActor(access.user);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: mappingIntentSchema });
  const intent = String(formData.get("intent") ?? "");
  const noErrors: ImportError[] = [];
  if (submission.status !== "success") return formReply(intent, submission, {}, { errors: noErrors });
  if (current.id === previous.id) return formReply(intent, submission, { formErrors: [SAME] }, { errors: noErrors });
  const v = submission.value;
  const { framework: f } = previous.stored;
  const refuse = (errors: ImportError[]) => formReply(intent, submission, { refused: true }, { errors });
  switch (v.intent) {
    case "save": {
      const saved = await saveMapping(actor, current, previous, groupsFromRows(v.rows));
      if (saved.ok)
        return formReply(
          intent,
          submission,
          { message: `Đã lưu bảng ánh xạ với ${f.name} (${f.year}).` },
          { errors: noErrors },
        );
      return formReply(
        intent,
        submission,
        { ...problemsByField(v.rows, saved.problems), refused: true },
        { errors: noErrors },
      );
    }
    case "reset": {
      const dropped = await deleteMapping(actor, current, previous);
      const message = dropped
        ? "Đã bỏ bảng ánh xạ đã xác nhận: phân tích dùng lại bảng gợi ý tự động."
        : "Chưa có bảng ánh xạ đã xác nhận: phân tích vẫn dùng bảng gợi ý tự động.";
      return formReply(intent, submission, { message }, { errors: noErrors });
    }
    case "import": {
      const file = v.file;
      const fileName = file.name || "tệp";
      let table;
      try {
        table = await readTable({ fileName, data: new Uint8Array(await file.arrayBuffer()) });
      } catch (error) {
        const message = error instanceof Error ? error.message : `Không đọc được tệp “${fileName}”`;
        return refuse([{ row: 0, column: "", message }]);
      }
      const parsed = parseMappingTable(table, { current: current.compiled, previous: previous.compiled });
      if (!parsed.ok) return refuse(parsed.errors);
      const saved = await saveMapping(actor, current, previous, parsed.groups);
      if (!saved.ok) {
        const rowOf = (code: string, side: "current" | "previous") =>
          parsed.groups.find((g) => g[side].includes(code))?.row ?? 0;
        return refuse(saved.problems.map((p) => ({ row: rowOf(p.code, p.side), column: "", message: p.message })));
      }
      return formReply(
        intent,
        submission,
        { message: `Đã nhập ${parsed.groups.length} dòng ánh xạ từ tệp “${fileName}” và lưu bảng ánh xạ.` },
        { errors: noErrors },
      );
    }
  }
}

export default function FrameworkMappingPage() {
  const data = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Ánh xạ mã tiêu chí</h1>
        <div>
          <a href={`/scoring/frameworks/${data.current.id}/mapping/${data.previous.id}/export.csv`} className="button">
            Tải bảng ánh xạ (CSV)
          </a>{" "}
          <Link to={`/scoring/frameworks/${data.current.id}`}>Về bộ chỉ số</Link>
        </div>
      </div>
      <p>
        Bộ chỉ số năm nay: <strong>{data.current.name}</strong> (năm {data.current.year}, phiên bản{" "}
        {data.current.version}) · bộ chỉ số năm trước:{" "}
        <Link to={`/scoring/frameworks/${data.previous.id}`}>
          {data.previous.name} (năm {data.previous.year}, phiên bản {data.previous.version})
        </Link>
      </p>
      {data.same ? (
        <p className="problems" role="status">
          {SAME}
        </p>
      ) : (
        <p role="status" className={data.source === "stored" ? "mapping-state stored" : "mapping-state suggested"}>
          <strong>{data.source === "stored" ? "Đã xác nhận" : "Gợi ý tự động"}:</strong> {data.sourceLabel}
          {data.updatedAt ? ` (lưu lúc ${data.updatedAt})` : ""}. {data.unmatchedCurrent} mã năm nay chưa có mã năm
          trước tương ứng, {data.unusedPrevious.length} mục năm trước không còn đánh giá.
        </p>
      )}
      {data.problems.length ? (
        <div className="problems" role="status">
          <strong>
            Bảng ánh xạ đã lưu không còn khớp với bộ chỉ số, phân tích theo tiêu chí bị dừng cho đến khi sửa:
          </strong>
          <ul>
            {data.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <MappingTableForm
        key={`${data.source}-${data.savedAt}`}
        rows={data.rows}
        previousOptions={data.previousOptions}
        canManage={data.canManage}
        last={last?.intent === "save" ? last : undefined}
      />
      {data.canManage ? <MappingFileForms last={last} stored={data.source === "stored"} /> : null}
    </div>
  );
}
