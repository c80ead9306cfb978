import type { LoaderFunctionArgs } from "@remix-run/node";
import { evidenceForDownload } from "#app/remediation/read.server.ts";
import { requireUser } from "#app/auth/session.server.ts";
import { asciiFileName } from "#app/lib/file-names.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Only for those who may read the plan ("remediation.view"); everyone else gets 404.
  const file = await evidenceForDownload(user, params.fileId);
  const ext = file.fileName.split(".").pop() ?? "bin";
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename="${asciiFileName(file.fileName.replace(/\.[^.]+$/, ""))}.${ext}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
