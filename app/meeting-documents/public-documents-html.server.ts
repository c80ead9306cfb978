// The "Tài liệu họp" section of app/components/meeting-documents/public-documents.tsx as a string, for the
// pages the edge answers (the invitation page, the bridge operator's page; app/http/edge-page.server.ts).
// test/integration/edge-pages.test.ts compares those pages with Remix's render.
import { reactEscape as e, reactTexts as t } from "#app/http/remix-document.server.ts";
import type { ListedDocument } from "#app/meeting-documents/audience.server.ts";
import { documentKind as kindOf, documentSize as kb } from "#app/meeting-documents/document-labels.ts";

/** The section as React renders it; nothing without documents. */
export function publicDocumentsHtml(base: string, documents: ListedDocument[]): string {
  if (!documents.length) return "";
  const items = documents.map((d) =>
    d.openable
      ? `<li><a class="document-link" href="${e(`${base}/documents/${d.id}`)}"><span class="document-title">${t(d.title)}</span><span class="document-meta">${t(kindOf(d.fileName), " · ", kb(d.size), d.phase === "AFTER" ? " · sau hội nghị" : "")}</span></a></li>`
      : `<li><div class="document-link classified"><span class="document-title">${t(d.title)}</span><span class="document-meta">${t("Tài liệu mật", d.note ? ` – ${d.note}` : "")}</span></div></li>`,
  );
  return `<section class="public-documents" aria-labelledby="public-documents-head"><h2 id="public-documents-head">Tài liệu họp</h2><ul>${items.join("")}</ul></section>`;
}
