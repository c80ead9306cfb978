import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadFramework, notFoundFramework } from "~/assessments/frameworks.server.ts";
import { requireUser } from "~/auth/session.server.ts";
import { asciiFileName, XLSX_TYPE } from "~/lib/file-names.ts";
import { frameworkToXlsx } from "~/scoring/framework-io.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const stored = await loadFramework(params.id ?? "");
  if (!stored || !user.visibleOrganizationIds.includes(stored.organizationId)) notFoundFramework();
  const body = await frameworkToXlsx(stored.framework);
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": `attachment; filename="${asciiFileName(stored.framework.name)}.xlsx"` },
  });
}
