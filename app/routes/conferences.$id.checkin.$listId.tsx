import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { userActor } from "#app/database/audit.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { issueScannerCredential, requestSessionId } from "#app/checkin/credential.server.ts";
import {
  checkinScope,
  listCounts,
  offlineKeys,
  registerWalkIn,
  usableList,
  type ListCounts,
  type SearchHit,
} from "#app/checkin/lists.server.ts";
import { ScanClient, type Outcome, type SyncReport } from "#app/checkin/scanner/client.ts";
import { CAMERA_PROBLEM, startCamera, type CameraLoop } from "#app/checkin/scanner/decoder.ts";
import {
  cameraWanted,
  deviceId as storedDeviceId,
  deviceName as storedDeviceName,
  setCameraWanted,
  setDeviceName,
} from "#app/checkin/scanner/device.ts";
import { describe, type Display } from "#app/checkin/scanner/display.ts";
import { formatScanTime } from "#app/checkin/format.ts";
import { keepScannerPageOffline } from "#app/checkin/scanner/offline-page.ts";
import { registerSyncNow } from "#app/checkin/scanner/queue.ts";
import scannerStyles from "#app/checkin/scanner/scanner.css?url";
import { playResultSound, unlockSound } from "#app/checkin/scanner/sounds.ts";
import { createLocalVerifier } from "#app/checkin/scanner/verify.ts";
import { walkInSchema } from "#app/checkin/scanner/walk-in-form.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import { Field } from "#app/components/field.tsx";
import { prisma } from "#app/db.server.ts";
import { groupLabel } from "#app/conferences/naming.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scannerStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Quét mã: ${data?.list.name ?? ""} · Hội nghị CCHC` },
];

// The page holds a scanner credential: never cached, and not re-run after a walk-in (counts are polled).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });
export const shouldRevalidate = () => false;

const REPEAT_WINDOW_MS = 3_000;
const COUNTS_EVERY_MS = 5_000;
const SYNC_EVERY_MS = 10_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const guarded = await requireConference(request, params.id, "attendance.take");
  const access = await checkinScope(guarded);
  const list = await usableList(access, params.listId ?? "");
  // The credential is bound to this sign-in session: logging out ends it (scanner-auth.server.ts).
  const sessionId = await requestSessionId(request);
  if (!sessionId) throw new Response("Phiên đăng nhập không hợp lệ: hãy đăng nhập lại.", { status: 401 });
  const [counts, keys, groups] = await Promise.all([
    listCounts(access.conference.id, [list]),
    offlineKeys(access.conference.id),
    prisma.attendeeGroup.findMany({
      where: { conferenceId: access.conference.id },
      orderBy: { position: "asc" },
      select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
    }),
  ]);
  return {
    conference: {
      id: access.conference.id,
      title: access.conference.title,
      cancelled: access.conference.status === "CANCELLED",
    },
    list: { id: list.id, name: list.name, bridgePointName: list.bridgePoint?.name ?? null },
    counts: counts.get(list.id)!,
    credential: issueScannerCredential({
      conferenceId: access.conference.id,
      listId: list.id,
      userId: guarded.user.id,
      sessionId,
    }),
    keys,
    groups: groups.map((g, i) => ({ id: g.id, label: groupLabel(g, i) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Walk-in registration: an attendee created at this list's place (a bridge operator: their bridge).
  const guarded = await requireConference(request, params.id, "attendance.take");
  const access = await checkinScope(guarded);
  const list = await usableList(access, params.listId ?? "");
  const submission = parseWithZod(await request.formData(), { schema: walkInSchema });
  if (submission.status !== "success") return Response.json({ result: submission.reply() }, { status: 400 });
  const outcome = await registerWalkIn({
    conferenceId: access.conference.id,
    list,
    values: submission.value,
    userId: guarded.user.id,
    actor: userActor(guarded.user),
  });
  if (!outcome.ok) {
    const reply =
      outcome.field === "form"
        ? submission.reply({ formErrors: [outcome.message] })
        : submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } });
    return Response.json({ result: reply }, { status: 400 });
  }
  return Response.json({ result: submission.reply({ resetForm: true }), checkin: outcome.response });
}

type WalkInAnswer = { result: SubmissionResult<string[]>; checkin?: CheckinResponse };

interface Shown extends Display {
  at: string;
  seq: number;
}

const STALE_AFTER_MS = 15_000;

function ResultPanel({ shown }: { shown: Shown | null }) {
  // An old result fades, so that nobody reads it as the answer for the next person in the queue.
  const [stale, setStale] = useState(false);
  useEffect(() => {
    setStale(false);
    if (!shown) return;
    const timer = setTimeout(() => setStale(true), STALE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  const classes = ["scan-result", shown ? shown.kind : "idle", shown?.offline ? "offline" : "", stale ? "stale" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <section className={classes} aria-live="assertive" aria-atomic="true" data-result={shown?.kind ?? "idle"}>
      {shown ? (
        <>
          <p className="scan-heading">{shown.heading}</p>
          {shown.name ? <p className="scan-name">{shown.name}</p> : null}
          {shown.details.length ? (
            <ul>
              {shown.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
          {shown.note ? <p className="scan-note">{shown.note}</p> : null}
          <p className="scan-when">Lượt quét {formatScanTime(shown.at)}</p>
        </>
      ) : (
        <>
          <p className="scan-heading" style={{ fontSize: "1.15rem" }}>
            Sẵn sàng quét
          </p>
          <p className="scan-note">Đưa mã QR trên giấy mời vào khung hình camera, hoặc nhập mã, tìm theo tên ở dưới.</p>
        </>
      )}
    </section>
  );
}

export default function Scanner() {
  const data = useLoaderData<typeof loader>();
  const [shown, setShown] = useState<Shown | null>(null);
  const [browserOnline, setBrowserOnline] = useState(true);
  const [networkDown, setNetworkDown] = useState(false);
  const [queued, setQueued] = useState(0);
  const [authExpired, setAuthExpired] = useState(false);
  const [counts, setCounts] = useState<ListCounts>(data.counts);
  const [syncNote, setSyncNote] = useState<SyncReport | null>(null);
  const [device, setDevice] = useState({ id: "", name: "" });
  const [camera, setCamera] = useState<{ state: "off" | "starting" | "on" } | { state: "problem"; message: string }>({
    state: "off",
  });
  const videoRef = useRef<HTMLVideoElement>(null);
  const loopRef = useRef<CameraLoop | null>(null);
  const lastCode = useRef<{ text: string; at: number }>({ text: "", at: 0 });
  const seq = useRef(0);
  const deviceRef = useRef(device);
  deviceRef.current = device;

  const offline = !browserOnline || networkDown;
  const base = `/conferences/${data.conference.id}/checkin/${data.list.id}`;

  const verifier = useMemo(() => createLocalVerifier(data.keys), [data.keys]);

  const refreshCounts = useCallback(async () => {
    if (typeof navigator !== "undefined" && !navigator.onLine) return;
    try {
      const response = await fetch(`${base}/counts`, { cache: "no-store", headers: { accept: "application/json" } });
      if (!response.ok) return;
      const { revokedKeys, ...next } = (await response.json()) as ListCounts & { revokedKeys: string[] };
      setCounts(next);
      verifier.setRevoked(revokedKeys);
    } catch {
      // Offline: the counter keeps its last value.
    }
  }, [base, verifier]);

  const client = useMemo(() => {
    if (typeof window === "undefined") return null;
    return new ScanClient({
      conferenceId: data.conference.id,
      listId: data.list.id,
      listName: data.list.name,
      credential: data.credential,
      verifier,
      deviceId: storedDeviceId,
      onQueueChange: setQueued,
      onNetworkChange: setNetworkDown,
      onAuthExpired: () => setAuthExpired(true),
      onSynced: (report) => {
        setSyncNote(report);
        void refreshCounts();
      },
    });
    // One client per page load: the credential and keys do not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const show = useCallback((outcome: Outcome) => {
    const d = describe(outcome, { deviceId: deviceRef.current.id, deviceName: deviceRef.current.name });
    setShown({ ...d, at: new Date().toISOString(), seq: ++seq.current });
    playResultSound(d.kind);
  }, []);

  const handleCode = useCallback(
    async (raw: string) => {
      const text = raw.trim();
      if (!text || !client) return;
      const now = Date.now();
      // The camera sees the same code many times a second: one submission while it stays in view.
      if (lastCode.current.text === text && now - lastCode.current.at < REPEAT_WINDOW_MS) {
        lastCode.current.at = now;
        return;
      }
      lastCode.current = { text, at: now };
      const outcome = await client.scanToken(text);
      show(outcome);
      if (!outcome.offline) void refreshCounts();
    },
    [client, show, refreshCounts],
  );

  const checkInAttendee = useCallback(
    async (attendeeId: string) => {
      if (!client) return null;
      unlockSound();
      const outcome = await client.checkInAttendee(attendeeId);
      show(outcome);
      if (!outcome.offline) void refreshCounts();
      return outcome;
    },
    [client, show, refreshCounts],
  );

  const stopCamera = useCallback(() => {
    setCameraWanted(false);
    loopRef.current?.stop();
    loopRef.current = null;
    setCamera({ state: "off" });
  }, []);

  const openCamera = useCallback(async () => {
    const video = videoRef.current;
    if (!video || loopRef.current) return;
    setCamera({ state: "starting" });
    const started = await startCamera(video, (text) => void handleCode(text));
    if (started.ok) {
      setCameraWanted(true);
      loopRef.current = started.loop;
      setCamera({ state: "on" });
    } else setCamera({ state: "problem", message: CAMERA_PROBLEM[started.problem] });
  }, [handleCode]);

  // The page itself can be reopened offline once it has been open online.
  useEffect(() => {
    void keepScannerPageOffline();
  }, []);

  // Logging out first tries to send what is queued (app/checkin/scanner/logout-form.tsx).
  useEffect(() => {
    if (!client) return;
    registerSyncNow(() => client.sync());
    return () => registerSyncNow(null);
  }, [client]);

  // Device identity, network state, queue, periodic sync and counters.
  useEffect(() => {
    setDevice({ id: storedDeviceId(), name: storedDeviceName() });
    setBrowserOnline(navigator.onLine);
    const goOnline = () => {
      setBrowserOnline(true);
      void client?.sync();
      void refreshCounts();
    };
    const goOffline = () => setBrowserOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    void client?.refreshQueueCount().then((n) => (n > 0 ? client.sync() : undefined));
    const syncTimer = setInterval(() => void client?.sync(), SYNC_EVERY_MS);
    const countTimer = setInterval(() => void refreshCounts(), COUNTS_EVERY_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      clearInterval(syncTimer);
      clearInterval(countTimer);
    };
  }, [client, refreshCounts]);

  // The first time a tap on "Bật camera" asks for the camera; after that it opens by itself on this
  // device until the staff turns it off.
  useEffect(() => {
    if (cameraWanted()) void openCamera();
    return () => {
      loopRef.current?.stop();
      loopRef.current = null;
    };
  }, [openCamera]);

  return (
    <div className="scanner">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to={`/conferences/${data.conference.id}/checkin`}>Danh sách điểm danh</Link> › <span>Máy quét</span>
      </nav>
      <h1>{data.list.name}</h1>
      <p className="scanner-sub">
        {data.list.bridgePointName ? `Trực tuyến tại ${data.list.bridgePointName} · ` : ""}
        {data.conference.title}
      </p>

      {authExpired ? (
        <div className="scanner-banner expired" role="alert">
          Phiên quét đã hết hạn hoặc bị thu hồi.
          <p>
            Hãy <a href={base}>tải lại trang</a> (đăng nhập nếu được hỏi) để tiếp tục; các lượt quét đang chờ vẫn được
            giữ trên máy.
          </p>
        </div>
      ) : null}
      {offline ? (
        <div className="scanner-banner offline" role="status">
          Ngoại tuyến — các lượt quét được lưu trên máy và sẽ đồng bộ khi có mạng
          <p>
            Đang chờ đồng bộ: <span data-testid="queued">{queued}</span> lượt quét
          </p>
        </div>
      ) : queued > 0 ? (
        <div className="scanner-banner syncing" role="status">
          Đang đồng bộ {queued} lượt quét lưu trên máy…
        </div>
      ) : syncNote ? (
        <div className="scanner-banner syncing" role="status">
          Đã đồng bộ {syncNote.sent} lượt quét lưu khi ngoại tuyến.
          {syncNote.refused.map((r, i) => (
            <p key={i}>
              Lượt quét {formatScanTime(r.scannedAt)}
              {r.name ? ` (${r.name})` : ""} bị máy chủ từ chối: {r.message}
            </p>
          ))}
        </div>
      ) : null}
      {data.conference.cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã bị hủy: mọi lượt quét sẽ bị từ chối.
        </p>
      ) : null}

      <ResultPanel shown={shown} />

      <div className={`scanner-camera${camera.state === "on" || camera.state === "starting" ? "" : " off"}`}>
        <video ref={videoRef} muted playsInline aria-label="Hình ảnh từ camera để quét mã QR" />
        {camera.state === "on" ? <div className="camera-frame" aria-hidden="true" /> : null}
        {camera.state !== "on" ? (
          <div className="camera-off">
            {camera.state === "problem"
              ? camera.message
              : camera.state === "starting"
                ? "Đang mở camera…"
                : "Camera đang tắt."}
          </div>
        ) : null}
      </div>
      <div className="scanner-row">
        {camera.state === "on" ? (
          <button type="button" onClick={stopCamera}>
            Tắt camera
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={camera.state === "starting"}
            onClick={() => {
              unlockSound();
              void openCamera();
            }}
          >
            Bật camera
          </button>
        )}
        <span className="scanner-count" aria-live="polite" data-testid="counts">
          {counts.present} / {counts.expected} đã có mặt
        </span>
        <span className="muted small">
          qua danh sách này: {counts.here}
          {offline ? " · số liệu trước khi mất mạng" : ""}
        </span>
      </div>

      <ManualCode
        onCode={(text) => {
          unlockSound();
          lastCode.current = { text: "", at: 0 };
          void handleCode(text);
        }}
      />

      <Search base={base} offline={offline} onCheckIn={checkInAttendee} />

      <WalkIn
        action={base}
        offline={offline}
        deviceId={device.id}
        groups={data.groups}
        onCheckedIn={(response) => {
          show({ offline: false, response });
          void refreshCounts();
        }}
      />

      <DeviceName
        device={device}
        onSave={(name) => {
          setDeviceName(name);
          setDevice((d) => ({ ...d, name: name.trim().slice(0, 80) }));
        }}
      />
    </div>
  );
}

/** Typed or pasted code, or a hand-held barcode scanner that types like a keyboard and presses Enter. */
function ManualCode({ onCode }: { onCode: (text: string) => void }) {
  const [value, setValue] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    onCode(value);
    setValue("");
  };
  return (
    <form className="scanner-section scanner-form" onSubmit={submit} aria-label="Nhập mã">
      <div className="field">
        <label htmlFor="manual-code">Mã trên giấy mời (máy quét cầm tay hoặc dán mã)</label>
        <input
          type="text"
          id="manual-code"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
      </div>
      <button type="submit">Kiểm tra</button>
    </form>
  );
}

function Search({
  base,
  offline,
  onCheckIn,
}: {
  base: string;
  offline: boolean;
  onCheckIn: (attendeeId: string) => Promise<Outcome | null>;
}) {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [problem, setProblem] = useState("");
  const [busyId, setBusyId] = useState("");
  const active = q.trim().length >= 2;

  const run = useCallback(
    async (query: string, signal?: AbortSignal) => {
      if (!navigator.onLine) {
        setProblem("Ngoại tuyến: không tìm được theo tên. Hãy quét mã QR.");
        setHits(null);
        return;
      }
      try {
        const response = await fetch(`${base}/search?q=${encodeURIComponent(query)}`, { signal, cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { hits: SearchHit[] };
        setHits(body.hits);
        setProblem("");
      } catch (error) {
        if ((error as { name?: string }).name === "AbortError") return;
        setProblem("Không tìm được: mất kết nối với máy chủ.");
        setHits(null);
      }
    },
    [base],
  );

  useEffect(() => {
    if (!active) {
      setHits(null);
      setProblem("");
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => void run(q.trim(), controller.signal), 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, active, run]);

  return (
    <section className="scanner-section" aria-labelledby="search-heading">
      <h2 id="search-heading">Tìm theo tên</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="attendee-search">Họ tên đại biểu (ít nhất 2 ký tự)</label>
          <input
            type="search"
            id="attendee-search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
        </div>
      </form>
      {active && problem ? <p className="field-error">{problem}</p> : null}
      {active && hits ? (
        hits.length === 0 ? (
          <p className="muted" role="status">
            Không có đại biểu nào khớp “{q.trim()}”.
          </p>
        ) : (
          <ul className="search-results" aria-label="Kết quả tìm kiếm">
            {hits.map((h) => (
              <li key={h.id}>
                <div>
                  <span className="strong">{h.name}</span>
                  {h.present ? <span className="badge present"> đã có mặt</span> : null}
                  {h.walkIn ? <span className="badge"> đăng ký tại chỗ</span> : null}
                  <br />
                  <span className="muted small">{[h.position, h.organizationName].filter(Boolean).join(" · ")}</span>
                </div>
                <button
                  type="button"
                  className={h.present ? "" : "primary"}
                  disabled={busyId === h.id || offline}
                  aria-label={`Điểm danh ${h.name}`}
                  onClick={async () => {
                    setBusyId(h.id);
                    await onCheckIn(h.id);
                    setBusyId("");
                    await run(q.trim());
                  }}
                >
                  Điểm danh
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function WalkIn({
  action,
  offline,
  deviceId,
  groups,
  onCheckedIn,
}: {
  action: string;
  offline: boolean;
  deviceId: string;
  groups: Array<{ id: string; label: string }>;
  onCheckedIn: (response: CheckinResponse) => void;
}) {
  const fetcher = useFetcher<WalkInAnswer>();
  const [form, fields] = useForm({
    id: "walk-in",
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: walkInSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const handled = useRef<unknown>(null);
  useEffect(() => {
    const answer = fetcher.data;
    if (fetcher.state === "idle" && answer?.checkin && handled.current !== answer) {
      handled.current = answer;
      onCheckedIn(answer.checkin);
    }
  }, [fetcher.state, fetcher.data, onCheckedIn]);
  const busy = fetcher.state !== "idle";
  return (
    <details className="scanner-section">
      <summary>Đăng ký tại chỗ (khách chưa có giấy mời)</summary>
      <fetcher.Form method="post" action={action} {...getFormProps(form)}>
        <input type="hidden" name="deviceId" value={deviceId} />
        {form.errors ? (
          <p className="form-error" role="alert" id={form.errorId}>
            {form.errors.join(" ")}
          </p>
        ) : null}
        <Field label="Họ và tên" meta={fields.name}>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} autoComplete="off" />
        </Field>
        <Field label="Chức vụ" meta={fields.position}>
          <input {...getInputProps(fields.position, { type: "text" })} key={fields.position.key} autoComplete="off" />
        </Field>
        <Field label="Cơ quan, đơn vị" meta={fields.organizationName}>
          <input
            {...getInputProps(fields.organizationName, { type: "text" })}
            key={fields.organizationName.key}
            autoComplete="off"
          />
        </Field>
        <Field label="Thư điện tử (không bắt buộc)" meta={fields.email}>
          <input {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} autoComplete="off" />
        </Field>
        <Field label="Nhóm đại biểu" meta={fields.groupId}>
          <select {...getSelectProps(fields.groupId)} key={fields.groupId.key}>
            <option value="">Không thuộc nhóm nào</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </Field>
        {offline ? <p className="field-error">Cần có mạng để đăng ký tại chỗ.</p> : null}
        <button type="submit" className="primary" disabled={busy || offline || !deviceId}>
          {busy ? "Đang đăng ký…" : "Đăng ký và điểm danh"}
        </button>
      </fetcher.Form>
    </details>
  );
}

function DeviceName({ device, onSave }: { device: { id: string; name: string }; onSave: (name: string) => void }) {
  const [value, setValue] = useState(device.name);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValue(device.name), [device.name]);
  return (
    <details className="scanner-section">
      <summary>Máy quét: {device.name || "chưa đặt tên"}</summary>
      <form
        className="scanner-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(value);
          setSaved(true);
        }}
      >
        <div className="field">
          <label htmlFor="device-name">Tên máy quét</label>
          <input
            type="text"
            id="device-name"
            value={value}
            maxLength={80}
            placeholder="Máy quét cổng chính"
            onChange={(e) => {
              setValue(e.target.value);
              setSaved(false);
            }}
          />
        </div>
        <button type="submit">Lưu tên</button>
      </form>
      {saved ? (
        <p className="up small" role="status">
          Đã lưu tên máy quét trên thiết bị này.
        </p>
      ) : null}
      <p className="muted small">Mã thiết bị: {device.id}</p>
    </details>
  );
}
