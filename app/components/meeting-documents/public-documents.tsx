// The "Tài liệu họp" section of an attendee's invitation page (/i/:token) and of a bridge point's
// operator page (/b/:key): large touch targets for a phone; a classified document is named with its
// note, never linked.
import type { ListedDocument } from "#app/meeting-documents/audience.server.ts";
import { documentKind as kindOf, documentSize as kb } from "#app/meeting-documents/document-labels.ts";

export function PublicDocuments({ base, documents }: { base: string; documents: ListedDocument[] }) {
  if (!documents.length) return null;
  return (
    <section className="public-documents" aria-labelledby="public-documents-head">
      <h2 id="public-documents-head">Tài liệu họp</h2>
      <ul>
        {documents.map((d) => (
          <li key={d.id}>
            {d.openable ? (
              <a className="document-link" href={`${base}/documents/${d.id}`}>
                <span className="document-title">{d.title}</span>
                <span className="document-meta">
                  {kindOf(d.fileName)} · {kb(d.size)}
                  {d.phase === "AFTER" ? " · sau hội nghị" : ""}
                </span>
              </a>
            ) : (
              <div className="document-link classified">
                <span className="document-title">{d.title}</span>
                <span className="document-meta">Tài liệu mật{d.note ? ` – ${d.note}` : ""}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
