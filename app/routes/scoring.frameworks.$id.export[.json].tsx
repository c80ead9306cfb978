import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadFramework } from "#app/scoring/frameworks.server.ts";
import { notFound, requireFramework } from "#app/auth/guard.server.ts";
import { asciiFileName } from "#app/lib/file-names.ts";
import { frameworkToJson } from "#app/scoring/framework-json.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { framework } = await requireFramework(request, params.id, "scoring.view");
  const stored = await loadFramework(framework.id);
  if (!stored) notFound("Không tìm thấy bộ chỉ số này.");
  return new Response(frameworkToJson(stored.framework), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiFileName(stored.framework.name)}.json"`,
    },
  });
}
