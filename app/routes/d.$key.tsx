import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import attendanceStyles from "#app/attendance/attendance.css?url";
import { posterBridge, posterCode, posterConfirm, posterPage } from "#app/attendance/poster-page.server.ts";
import { CheckedIn, CodeForm, ConfirmButtons, NameSearch } from "#app/components/public/self-checkin.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { clientIp } from "#app/lib/client-ip.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: attendanceStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm danh trực tuyến · ${data?.bridge.name ?? "Hội nghị CCHC"}` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bridge = await posterBridge(params.key);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const page = await posterPage(bridge, params.key!, clientIp(request), q);
  return page.throttled ? reply(page, 429) : page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const bridge = await posterBridge(params.key);
  const ip = clientIp(request);
  const form = await readForm(request);
  const field = (name: string) => String(form.get(name) ?? "");
  switch (field("intent")) {
    case "code": {
      const { status, body } = await posterCode(bridge, ip, field("code"));
      return reply(body, status);
    }
    case "confirm": {
      const { status, body } = await posterConfirm(bridge, ip, field("attendeeId"), field("nonce"));
      return reply(body, status);
    }
    default:
      return reply({ kind: "error" as const, message: "Thao tác không hợp lệ." }, 400);
  }
}

export default function SelfCheckin() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const finished = answer?.kind === "accepted" || answer?.kind === "already" ? answer : null;
  return (
    <div className="selfcheck">
      <p className="eyebrow">Điểm danh trực tuyến</p>
      <h1>{data.conference.title}</h1>
      <p className="bridge">{data.bridge.name}</p>
      {data.conference.when ? <p className="muted small">Thời gian: {data.conference.when}</p> : null}
      {data.conference.cancelled ? (
        <p className="refused" role="alert">
          Hội nghị đã bị hủy.
        </p>
      ) : finished ? (
        <CheckedIn reply={finished} bridgeName={data.bridge.name} posterKey={data.key} />
      ) : (
        <>
          {answer?.kind === "refused" ? (
            <p className="refused" role="alert">
              {answer.message}
            </p>
          ) : null}
          {answer?.kind === "candidates" ? (
            <section aria-labelledby="confirm-title">
              <h2 id="confirm-title">
                {answer.candidates.length > 1
                  ? "Mã này trùng với nhiều đại biểu: chọn đúng họ tên của Đồng chí"
                  : "Xác nhận"}
              </h2>
              <ConfirmButtons candidates={answer.candidates} nonce={data.nonce} />
              <p className="or">
                <a href={`/d/${data.key}`}>Không phải tôi, nhập lại</a>
              </p>
            </section>
          ) : (
            <>
              <CodeForm error={answer?.kind === "error" ? answer : null} />
              <p className="or">hoặc</p>
              <NameSearch posterKey={data.key} initial={data} nonce={data.nonce} />
            </>
          )}
        </>
      )}
    </div>
  );
}
