import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadFramework, notFoundFramework } from "~/assessments/frameworks.server.ts";
import { requireUser } from "~/auth/session.server.ts";
import { asciiFileName } from "~/lib/file-names.ts";
import { frameworkToJson } from "~/scoring/framework-io.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const stored = await loadFramework(params.id ?? "");
  if (!stored || !user.visibleOrganizationIds.includes(stored.organizationId)) notFoundFramework();
  return new Response(frameworkToJson(stored.framework), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiFileName(stored.framework.name)}.json"`,
    },
  });
}
