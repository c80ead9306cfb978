import {
  data as withStatus,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import attendanceStyles from "#app/attendance/attendance.css?url";
import {
  bridgeByPosterKey,
  lookupCode,
  lookupFailed,
  lookupThrottled,
  posterActor,
  searchBridgeAttendees,
  selfCheckIn,
  type Candidate,
} from "#app/attendance/self-checkin.server.ts";
import { clientIp } from "#app/lib/client-ip.server.ts";
import { letterCount, NAME_SEARCH_MIN_LETTERS } from "#app/attendance/summary.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: attendanceStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm danh trực tuyến · ${data?.bridge.name ?? "Hội nghị CCHC"}` },
  { name: "robots", content: "noindex" },
];

function notFound(): never {
  throw new Response("Đường dẫn điểm danh không đúng hoặc đã hết hiệu lực.", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bridge = await bridgeByPosterKey(params.key);
  if (!bridge) notFound();
  const ip = clientIp(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  let matches: Candidate[] = [];
  let throttled: string | null = null;
  if (letterCount(q) >= NAME_SEARCH_MIN_LETTERS) {
    // The name search is a lookup like the code: refused while blocked, and a miss counts.
    throttled = await lookupThrottled(bridge, ip);
    if (!throttled) {
      matches = await searchBridgeAttendees(bridge, q);
      if (matches.length === 0) throttled = await lookupFailed(bridge, ip);
    }
  }
  const body = {
    key: params.key!,
    bridge: { name: bridge.name, address: bridge.address },
    conference: {
      title: meetingName(bridge.conference.title),
      when: bridge.conference.startsAt ? formatDateTime(bridge.conference.startsAt) : null,
      cancelled: bridge.conference.status === "CANCELLED",
    },
    q,
    matches,
    throttled,
    nonce: crypto.randomUUID(),
  };
  return throttled ? withStatus(body, { status: 429 }) : body;
}

type Reply =
  | { kind: "candidates"; candidates: Candidate[]; code: string }
  | { kind: "error"; message: string; code?: string }
  | { kind: "refused"; message: string }
  | { kind: "accepted"; name: string; position: string; at: string }
  | { kind: "already"; name: string; position: string; since: string; where: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const bridge = await bridgeByPosterKey(params.key);
  if (!bridge) notFound();
  const ip = clientIp(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const tooMany = (message: string) => Response.json({ kind: "refused", message } satisfies Reply, { status: 429 });
  if (intent === "code") {
    const code = String(form.get("code") ?? "").slice(0, 40);
    const blocked = await lookupThrottled(bridge, ip);
    if (blocked) return tooMany(blocked);
    const found = await lookupCode(bridge, code);
    if (found.kind === "error") {
      const nowBlocked = await lookupFailed(bridge, ip);
      if (nowBlocked) return tooMany(nowBlocked);
      return Response.json({ kind: "error", message: found.message, code } satisfies Reply, { status: 400 });
    }
    if (found.kind === "revoked")
      return Response.json({ kind: "refused", message: found.message } satisfies Reply, { status: 400 });
    return Response.json({ kind: "candidates", candidates: found.candidates, code } satisfies Reply);
  }
  if (intent === "confirm") {
    const attendeeId = String(form.get("attendeeId") ?? "");
    const nonce = `${String(form.get("nonce") ?? "")}:${attendeeId}`;
    if (!attendeeId)
      return Response.json({ kind: "error", message: "Chọn họ tên của Đồng chí." } satisfies Reply, { status: 400 });
    const blocked = await lookupThrottled(bridge, ip);
    if (blocked) return tooMany(blocked);
    const r = await selfCheckIn(bridge, attendeeId, "poster", nonce, posterActor(bridge, ip));
    if (r.result === "accepted") {
      return Response.json({
        kind: "accepted",
        name: r.attendee.name,
        position: r.attendee.position,
        at: formatDateTime(new Date(r.checkedInAt)),
      } satisfies Reply);
    }
    if (r.result === "duplicate") {
      return Response.json({
        kind: "already",
        name: r.attendee.name,
        position: r.attendee.position,
        since: formatDateTime(new Date(r.first.at)),
        where: r.first.list,
      } satisfies Reply);
    }
    // An id that is not one of this bridge's attendees: a probe, counted like a wrong code.
    if (r.reason === "unknown-attendee" || r.reason === "other-conference" || r.reason === "other-bridge") {
      const nowBlocked = await lookupFailed(bridge, ip);
      if (nowBlocked) return tooMany(nowBlocked);
      return Response.json({ kind: "refused", message: r.message } satisfies Reply, {
        status: r.reason === "other-bridge" ? 403 : 404,
      });
    }
    return Response.json({ kind: "refused", message: r.message } satisfies Reply, { status: 400 });
  }
  return Response.json({ kind: "error", message: "Thao tác không hợp lệ." } satisfies Reply, { status: 400 });
}

function ConfirmButtons({ candidates, nonce }: { candidates: Candidate[]; nonce: string }) {
  const navigation = useNavigation();
  return (
    <ul className="matches">
      {candidates.map((c) => (
        <li key={c.id}>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="attendeeId" value={c.id} />
            <input type="hidden" name="nonce" value={nonce} />
            <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
              Tôi là {c.name}
              {c.position ? `, ${c.position}` : ""}
              {c.organizationName ? <span className="org">{c.organizationName}</span> : null}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

export default function SelfCheckin() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<Reply>();
  const navigation = useNavigation();
  const search = useFetcher<typeof loader>();
  const [q, setQ] = useState(data.q);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const enough = letterCount(q) >= NAME_SEARCH_MIN_LETTERS;
  // While typing, results come from the loader in the background; the form's own submit works without JS.
  useEffect(() => () => clearTimeout(timer.current), []);
  const onType = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    if (letterCount(value) >= NAME_SEARCH_MIN_LETTERS) {
      timer.current = setTimeout(() => search.load(`/d/${data.key}?q=${encodeURIComponent(value)}`), 200);
    }
  };
  const current = search.data && search.data.q === q ? search.data : data.q === q ? data : null;
  const matches = current?.matches ?? [];
  const throttled = current?.throttled ?? null;
  const finished = reply?.kind === "accepted" || reply?.kind === "already";

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
        <div role="status" aria-live="polite">
          {reply.kind === "accepted" ? (
            <p className="done">
              <strong>Đã điểm danh.</strong> Đồng chí {reply.name}
              {reply.position ? `, ${reply.position}` : ""} có mặt trực tuyến tại {data.bridge.name} lúc {reply.at}. Xin
              cảm ơn!
            </p>
          ) : (
            <p className="already">
              Đồng chí {reply.name} đã điểm danh từ {reply.since}
              {reply.where ? ` (${reply.where})` : ""}. Không cần điểm danh lại.
            </p>
          )}
          <p>
            <a href={`/d/${data.key}`}>Điểm danh cho đại biểu khác</a>
          </p>
        </div>
      ) : (
        <>
          {reply?.kind === "refused" ? (
            <p className="refused" role="alert">
              {reply.message}
            </p>
          ) : null}
          {reply?.kind === "candidates" ? (
            <section aria-labelledby="confirm-title">
              <h2 id="confirm-title">
                {reply.candidates.length > 1
                  ? "Mã này trùng với nhiều đại biểu: chọn đúng họ tên của Đồng chí"
                  : "Xác nhận"}
              </h2>
              <ConfirmButtons candidates={reply.candidates} nonce={data.nonce} />
              <p className="or">
                <a href={`/d/${data.key}`}>Không phải tôi, nhập lại</a>
              </p>
            </section>
          ) : (
            <>
              <h2>Nhập mã điểm danh trên giấy mời</h2>
              <Form method="post" replace noValidate>
                <input type="hidden" name="intent" value="code" />
                <div className={`field ${reply?.kind === "error" ? "has-error" : ""}`}>
                  <label htmlFor="code">Mã điểm danh</label>
                  <input
                    id="code"
                    name="code"
                    type="text"
                    className="code-input"
                    inputMode="text"
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    placeholder="VD: K7Q-M3X"
                    defaultValue={reply?.kind === "error" ? (reply.code ?? "") : ""}
                    aria-describedby={reply?.kind === "error" ? "code-error" : "code-hint"}
                    aria-invalid={reply?.kind === "error" ? true : undefined}
                    maxLength={20}
                  />
                  {reply?.kind === "error" ? (
                    <p className="field-error" id="code-error" role="alert">
                      {reply.message}
                    </p>
                  ) : (
                    <p className="hint" id="code-hint">
                      Mã gồm 6 ký tự, in dưới mã QR trong giấy mời và thư mời.
                    </p>
                  )}
                </div>
                <button type="submit" className="primary big" disabled={navigation.state === "submitting"}>
                  Tiếp tục
                </button>
              </Form>

              <p className="or">hoặc</p>
              <h2>Tìm theo họ tên</h2>
              <Form method="get" replace>
                <div className="field">
                  <label htmlFor="q">Họ và tên của Đồng chí</label>
                  <input
                    id="q"
                    name="q"
                    type="search"
                    autoComplete="off"
                    value={q}
                    onChange={(e) => onType(e.currentTarget.value)}
                    aria-describedby="q-hint"
                    aria-controls="name-matches"
                  />
                  <p className="hint" id="q-hint">
                    Gõ ít nhất 3 chữ cái (có dấu hoặc không dấu); chỉ hiện đại biểu dự tại điểm cầu này.
                  </p>
                </div>
                <noscript>
                  <button type="submit">Tìm</button>
                </noscript>
              </Form>
              <div id="name-matches" aria-live="polite">
                {enough && matches.length > 0 ? <ConfirmButtons candidates={matches} nonce={data.nonce} /> : null}
                {enough && throttled ? (
                  <p className="refused" role="alert">
                    {throttled}
                  </p>
                ) : enough && matches.length === 0 && (search.state === "idle" || !search.data) && current ? (
                  <p className="muted">
                    Không tìm thấy đại biểu có tên này tại điểm cầu. Hãy nhập mã điểm danh trên giấy mời.
                  </p>
                ) : null}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
