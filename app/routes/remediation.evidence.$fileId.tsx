import type { LoaderFunctionArgs } from "@remix-run/node";
import { readEvidence } from "~/assessments/evidence-store.server.ts";
import { visiblePlansWhere } from "~/assessments/remediation-access.server.ts";
import { requireUser } from "~/auth/session.server.ts";
import { prisma } from "~/db.server.ts";
import { asciiFileName } from "~/lib/file-names.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await prisma.evidenceFile.findFirst({
    where: { id: params.fileId ?? "", action: { plan: visiblePlansWhere(user) } },
    select: { fileName: true, mimeType: true, storagePath: true },
  });
  if (!file) throw new Response("Không tìm thấy tệp.", { status: 404 });
  const data = await readEvidence(file.storagePath);
  const ext = file.fileName.split(".").pop() ?? "bin";
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename="${asciiFileName(file.fileName.replace(/\.[^.]+$/, ""))}.${ext}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
