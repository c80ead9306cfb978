// The presentation packet as one PDF (issue 5, §5): cover with contents;
// programme; ranking table; charts; analysis by area; by criterion against the previous year
// and the remediation loop (when the round has a previous round); appendix highlights; SIPAS;
// award list; order of speeches. A4 portrait in the Decree 30 margins, the
// shipped Liberation Serif only, page numbers from page 2 (OfficialPdf).
//
// Charts are vector graphics. The index-by-unit chart shows every unit up to
// FULL_CHART_UNITS units; above that (a national round has 3,300) it shows the
// first and last CHART_ENDS units, says so, and a histogram of the index shows
// the whole distribution; the full list is the ranking table.
//
// Rendering yields to the event loop every few hundred rows and reports
// progress, so a route can run it in the background and show how far it is.

import { appendixUnits, classColorMap } from "#app/documents/packet/data.ts";
import type { PacketInput, PacketProgress } from "#app/documents/packet/types.ts";
import { PacketPdf } from "#app/documents/packet/layout.server.ts";
import { cover, programme, progressTotal, ranking, writeContents } from "#app/documents/packet/front.server.ts";
import { charts } from "#app/documents/packet/chart-pages.server.ts";
import { appendices, areas, awards, sipas, speeches } from "#app/documents/packet/analysis.server.ts";
import { criteria, criteriaProgress, remediation } from "#app/documents/packet/criteria.server.ts";

/**
 * The packet as one PDF. `onProgress(done, total, stage)` is called at each
 * stage and about every 1 % of the work, and last with `done === total`
 * (stage "Hoàn tất"). The work yields to the event loop every few hundred rows.
 */
export async function renderPacketPdf(input: PacketInput, onProgress?: PacketProgress): Promise<Buffer> {
  const appendixCount = appendixUnits(input).length;
  const p = new PacketPdf(input, progressTotal(input, appendixCount) + criteriaProgress(input), onProgress);
  const colors = classColorMap(input.summary);
  p.setStage("Trang bìa");
  const { contentsTop } = cover(p);
  await p.tick();
  await programme(p);
  await ranking(p, colors);
  await charts(p, colors);
  await areas(p);
  await criteria(p);
  await remediation(p);
  await appendices(p);
  await sipas(p);
  await awards(p);
  await speeches(p);
  p.setStage("Hoàn thiện tệp PDF");
  p.c.flush();
  p.pdf.doc.switchToPage(0);
  writeContents(p, contentsTop);
  p.c.flush();
  await new Promise<void>((resolve) => setImmediate(resolve));
  const buffer = await p.pdf.toBuffer();
  p.finish();
  return buffer;
}
