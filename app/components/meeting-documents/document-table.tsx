import { Form, Link } from "@remix-run/react";
import { DOCUMENT_AUDIENCE_LABEL, MEETING_PHASE_LABEL } from "#app/conferences/vocabulary.ts";
import type { OrganiserDocument } from "#app/meeting-documents/listing.server.ts";

// The organisers' list of meeting documents: order, audience, publication and the read counter
// ("đã xem 37/52"); a classified document shows its note and "—" instead of a file and a counter.

type Row = Omit<OrganiserDocument, "publishedAt"> & { publishedAt: string | Date | null };

const kb = (size: number | null) => (size === null ? "" : `${Math.max(1, Math.round(size / 1024))} KB`);

export function DocumentTable({
  conferenceId,
  documents,
  canEdit,
}: {
  conferenceId: string;
  documents: Row[];
  canEdit: boolean;
}) {
  if (!documents.length) return <p className="empty">Chưa có tài liệu họp.</p>;
  const base = `/conferences/${conferenceId}/documents`;
  return (
    <div className="table-scroll">
      <table className="table documents-table">
        <caption className="muted">{documents.length} tài liệu, theo thứ tự gửi đại biểu</caption>
        <thead>
          <tr>
            <th scope="col">TT</th>
            <th scope="col">Tài liệu</th>
            <th scope="col">Người nhận</th>
            <th scope="col">Công bố</th>
            <th scope="col">Đã xem</th>
            {canEdit ? <th scope="col">Thao tác</th> : null}
          </tr>
        </thead>
        <tbody>
          {documents.map((d, i) => (
            <tr key={d.id} data-testid={`document-${i + 1}`}>
              <td>{i + 1}</td>
              <td>
                <span className="strong">{d.title}</span>{" "}
                {d.classified ? <span className="badge status-cancelled">Mật</span> : null}
                <br />
                <span className="small muted">
                  {MEETING_PHASE_LABEL[d.phase]}
                  {d.fileName ? (
                    <>
                      {" · "}
                      <a href={`${base}/${d.id}/file`}>{d.fileName}</a> ({kb(d.size)})
                    </>
                  ) : null}
                </span>
                {d.note ? <p className="small">{d.note}</p> : null}
              </td>
              <td className="small">
                {DOCUMENT_AUDIENCE_LABEL[d.audience]}
                {d.targetNames.length ? `: ${d.targetNames.join(", ")}` : ""}
              </td>
              <td className="small">{d.published ?? <span className="muted">Chưa công bố</span>}</td>
              <td data-testid="document-views">
                {d.classified || d.audienceSize === null ? (
                  "—"
                ) : (
                  <>
                    <Link to={`${base}/${d.id}`} aria-label={`Ai đã xem “${d.title}”`}>
                      đã xem {d.viewers}/{d.audienceSize}
                    </Link>
                    {d.bridgeViewers ? <span className="small muted"> · {d.bridgeViewers} điểm cầu đã mở</span> : null}
                  </>
                )}
              </td>
              {canEdit ? (
                <td>
                  <div className="document-actions">
                    <Form method="post" className="agenda-move">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="documentId" value={d.id} />
                      <button
                        type="submit"
                        name="direction"
                        value="up"
                        disabled={i === 0}
                        aria-label={`Đưa “${d.title}” lên trước`}
                      >
                        ▲
                      </button>
                      <button
                        type="submit"
                        name="direction"
                        value="down"
                        disabled={i === documents.length - 1}
                        aria-label={`Đưa “${d.title}” xuống sau`}
                      >
                        ▼
                      </button>
                    </Form>
                    <Form
                      method="post"
                      onSubmit={(e) => {
                        if (!confirm(`Xóa tài liệu “${d.title}”?`)) e.preventDefault();
                      }}
                    >
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="documentId" value={d.id} />
                      <button type="submit" className="small-button" aria-label={`Xóa “${d.title}”`}>
                        Xóa
                      </button>
                    </Form>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Publishing: the documents still waiting, all ticked; one press sends the notices once. */
export function PublishForm({ waiting }: { waiting: Row[] }) {
  return (
    <Form method="post" className="card">
      <input type="hidden" name="intent" value="publish" />
      <fieldset className="plain">
        <legend className="strong">Công bố tài liệu và gửi thư thông báo</legend>
        {waiting.map((d) => (
          <label key={d.id} className="check">
            <input type="checkbox" name="documentIds" value={d.id} defaultChecked /> {d.title}
            {d.classified ? " (mật: chỉ hiện tên, không gửi thư)" : ""}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        Công bố tài liệu đã chọn
      </button>
    </Form>
  );
}
