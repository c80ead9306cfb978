import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadFramework } from "#app/scoring/frameworks.server.ts";
import { notFound, requireFramework } from "#app/auth/guard.server.ts";
import { asciiFileName, XLSX_TYPE } from "#app/lib/file-names.ts";
import { frameworkToXlsx } from "#app/scoring/framework-xlsx.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { framework } = await requireFramework(request, params.id, "scoring.view");
  const stored = await loadFramework(framework.id);
  if (!stored) notFound("Không tìm thấy bộ chỉ số này.");
  const body = await frameworkToXlsx(stored.framework);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${asciiFileName(stored.framework.name)}.xlsx"`,
    },
  });
}
