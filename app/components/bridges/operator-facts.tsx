import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ReadinessBadge } from "#app/components/bridges/test-history.tsx";
import type { Readiness } from "#app/bridges/verdict.ts";

export interface OperatorFactsData {
  key: string;
  conference: { when: string; testAt: string | null; testNote: string; contact: string };
  bridge: {
    name: string;
    host: string;
    place: string;
    videoLink: string;
    videoPasscode: string;
    contact: string;
    readiness: Readiness;
    readinessAt: string | null;
  };
}

/** A term and its description, left out when there is nothing to say. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return children ? (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  ) : null;
}

/** The operator page's card: when, where, the video link and passcode, who to call, the test session. */
export function OperatorFacts({ data }: { data: OperatorFactsData }) {
  const { bridge, conference } = data;
  return (
    <section className="card" aria-labelledby="bridge-head">
      <h2 id="bridge-head">
        {bridge.name} <ReadinessBadge readiness={bridge.readiness} />
      </h2>
      <dl className="facts">
        <dt>Thời gian hội nghị</dt>
        <dd>{conference.when}</dd>
        <Fact term="Đơn vị chủ trì điểm cầu">{bridge.host}</Fact>
        <Fact term="Phòng họp">{bridge.place}</Fact>
        <dt>Đường dẫn họp trực tuyến</dt>
        <dd>
          {bridge.videoLink ? (
            <a href={bridge.videoLink} target="_blank" rel="noreferrer noopener">
              {bridge.videoLink}
            </a>
          ) : (
            <span className="muted">Cơ quan tổ chức chưa nhập</span>
          )}
        </dd>
        <dt>Mật khẩu phòng họp</dt>
        <dd>
          {bridge.videoPasscode ? (
            <span className="passcode">{bridge.videoPasscode}</span>
          ) : (
            <span className="muted">Không có</span>
          )}
        </dd>
        <Fact term="Phụ trách kỹ thuật">{bridge.contact}</Fact>
        <dt>Buổi kiểm tra kết nối</dt>
        <dd>
          {conference.testAt ?? <span className="muted">Chưa có lịch</span>}
          {conference.testNote ? <div className="small">{conference.testNote}</div> : null}
        </dd>
        <Fact term="Liên hệ cơ quan tổ chức">{conference.contact}</Fact>
        <Fact term="Xác nhận gần nhất">{bridge.readinessAt}</Fact>
      </dl>
      <p className="hint">Mật khẩu chỉ dành cho điểm cầu này; không chuyển trang này cho người ngoài.</p>
      <p>
        <Link to={`/b/${data.key}/roll-call`} className="button">
          Điểm danh đại biểu tại điểm cầu
        </Link>
      </p>
    </section>
  );
}
