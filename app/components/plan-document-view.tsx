import type { PlanDocument } from "#app/plans/document.ts";

/** A plan laid out like the printed document (Decree 30 style), for reading on screen. */
export function PlanDocumentView({ doc }: { doc: PlanDocument }) {
  return (
    <article className="paper" aria-label="Văn bản kế hoạch">
      <div className="doc-header">
        <div className="doc-issuer">
          {doc.header.parentBody ? <div>{doc.header.parentBody}</div> : null}
          <div className="strong">{doc.header.issuingBody}</div>
          <hr className="short-rule" />
          <div>{doc.header.numberLine}</div>
        </div>
        <div className="doc-motto">
          <div className="strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="strong">Độc lập - Tự do - Hạnh phúc</div>
          <hr className="motto-rule" />
          <div className="italic doc-date">{doc.header.placeAndDate}</div>
        </div>
      </div>
      <h2 className="doc-type">{doc.documentType}</h2>
      <p className="doc-title">{doc.title}</p>
      <hr className="short-rule center" />
      <div className="doc-body">
        {doc.body.map((node, i) => {
          if (node.kind === "heading") return <h3 key={i}>{node.text}</h3>;
          if (node.kind === "subheading") return <h4 key={i}>{node.text}</h4>;
          return (
            <p key={i}>
              {node.label ? <strong>{node.label}</strong> : null}
              {node.text}
            </p>
          );
        })}
      </div>
      <div className="doc-footer">
        <div className="doc-recipients">
          <p className="recipients-title">Nơi nhận:</p>
          {doc.recipients.map((r, i) => (
            <p key={i}>{r.isHeading ? r.text : `- ${r.text}`}</p>
          ))}
        </div>
        <div className="doc-signature">
          {doc.signature.map((line, i) => (
            <div key={i} className="strong">
              {line}
            </div>
          ))}
          <div className="signature-space" aria-hidden="true" />
          <div className="strong">{doc.signerName}</div>
        </div>
      </div>
    </article>
  );
}
