import type { LoaderFunctionArgs } from "@remix-run/node";
import { roundSummaryFor } from "#app/scoring/rounds.server.ts";
import { rankingWorkbook } from "#app/scoring/ranking-export.server.ts";
import { requireRound } from "#app/auth/guard.server.ts";
import { asciiFileName, XLSX_TYPE } from "#app/lib/file-names.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireRound(request, params.id, "scoring.view");
  const { loaded, summary } = await roundSummaryFor(round.id);
  const body = await rankingWorkbook(loaded.round.title, summary, {
    hasPrevious: Boolean(loaded.round.previousRound),
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="xep-hang-${asciiFileName(loaded.round.title)}.xlsx"`,
    },
  });
}
