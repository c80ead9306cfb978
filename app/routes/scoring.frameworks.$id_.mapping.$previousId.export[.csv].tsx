import type { LoaderFunctionArgs } from "@remix-run/node";
import { frameworkFor, notFound, requireFramework } from "#app/auth/guard.server.ts";
import { asciiFileName } from "#app/lib/file-names.ts";
import { suggestMapping } from "#app/scoring/analysis/index.ts";
import { loadStoredMapping } from "#app/scoring/framework-mapping.server.ts";
import { loadFramework } from "#app/scoring/frameworks.server.ts";
import { compileFramework } from "#app/scoring/index.ts";
import { mappingCsv } from "#app/scoring/mapping-forms.ts";

// The mapping between two frameworks as the editor shows it (the confirmed one, else the suggestion),
// as a CSV that the editor's import reads back.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireFramework(request, params.id, "scoring.view");
  await frameworkFor(user, params.previousId, "scoring.view");
  const [current, previous] = await Promise.all([loadFramework(params.id!), loadFramework(params.previousId!)]);
  if (!current || !previous) notFound("Không tìm thấy bộ chỉ số này.");
  const stored = await loadStoredMapping(current.id, previous.id);
  const groups =
    stored?.groups ?? suggestMapping(compileFramework(current.framework), compileFramework(previous.framework)).groups;
  const titles = (f: typeof current) => {
    const m = new Map<string, string>();
    const visit = (n: (typeof f.framework.areas)[number]) => {
      m.set(n.code, n.title);
      n.children.forEach(visit);
    };
    f.framework.areas.forEach(visit);
    return m;
  };
  const body = mappingCsv(
    groups.map((g) => ({ current: g.current, previous: g.previous })),
    { current: titles(current), previous: titles(previous) },
  );
  const name = asciiFileName(`anh-xa-ma ${current.framework.year}-${previous.framework.year}`);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
    },
  });
}
