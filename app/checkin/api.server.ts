// POST /api/checkin: the scanners' API. Served two ways with the same code: by the production server
// (scripts/serve.js) before the request reaches Remix — Remix's per-request machinery alone costs about
// a millisecond, more than the whole check-in — and by the Remix route app/routes/api.checkin.ts
// (development server, and any deployment that does not use scripts/serve.js).

import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, clientIp } from "#app/lib/client-ip.server.ts";
import { logger } from "#app/lib/logger.server.ts";
import { noteUserOfKey, REQUEST_NOTE_HEADER } from "#app/lib/request-context.server.ts";
import { checkIn } from "#app/checkin/checkin.server.ts";
import { verifyScannerCredential } from "#app/checkin/credential.server.ts";
import { authorizeScanner, scannerActor } from "#app/checkin/scanner-auth.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";

const MAX_BODY_BYTES = 16 * 1024;

export interface ApiAnswer {
  status: number;
  body: CheckinResponse | { error: string; field?: string };
  /** The scanner's user, once its credential is verified: for the request's log line. */
  userId?: string;
}

interface ParsedBody {
  token?: string;
  attendeeId?: string;
  deviceId: string;
  nonce: string;
  scannedAt: Date;
  sentAt: Date | null;
}

function bad(error: string, field?: string): ApiAnswer {
  return { status: 400, body: field ? { error, field } : { error } };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseTime(value: unknown): Date | null {
  if (typeof value !== "string" || !ISO.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Field by field, in Vietnamese, naming the field. Hand-written: this runs thousands of times a second. */
export function parseCheckinBody(json: unknown): { ok: true; value: ParsedBody } | { ok: false; answer: ApiAnswer } {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, answer: bad("Nội dung yêu cầu phải là một đối tượng JSON.") };
  }
  const b = json as Record<string, unknown>;
  const hasToken = b.token !== undefined && b.token !== null;
  const hasId = b.attendeeId !== undefined && b.attendeeId !== null;
  if (!hasToken && !hasId)
    return {
      ok: false,
      answer: bad("Thiếu token (mã QR trên giấy mời) hoặc attendeeId (đại biểu chọn theo tên).", "token"),
    };
  if (hasToken && (typeof b.token !== "string" || b.token.length === 0 || b.token.length > 600)) {
    return { ok: false, answer: bad("token phải là chuỗi ký tự đọc được từ mã QR (tối đa 600 ký tự).", "token") };
  }
  if (!hasToken && (typeof b.attendeeId !== "string" || b.attendeeId.length === 0 || b.attendeeId.length > 64)) {
    return { ok: false, answer: bad("attendeeId phải là mã đại biểu (chuỗi tối đa 64 ký tự).", "attendeeId") };
  }
  if (typeof b.deviceId !== "string" || b.deviceId.trim().length === 0 || b.deviceId.length > 200) {
    return { ok: false, answer: bad("deviceId (mã thiết bị quét) là bắt buộc, tối đa 200 ký tự.", "deviceId") };
  }
  if (typeof b.nonce !== "string" || b.nonce.length === 0 || b.nonce.length > 100) {
    return { ok: false, answer: bad("nonce (mã lượt quét, mỗi lượt một mã) là bắt buộc, tối đa 100 ký tự.", "nonce") };
  }
  const scannedAt = parseTime(b.scannedAt);
  if (!scannedAt)
    return {
      ok: false,
      answer: bad("scannedAt phải là thời điểm ISO 8601, ví dụ 2024-01-18T08:00:00+07:00.", "scannedAt"),
    };
  let sentAt: Date | null = null;
  if (b.sentAt !== undefined && b.sentAt !== null) {
    sentAt = parseTime(b.sentAt);
    if (!sentAt) return { ok: false, answer: bad("sentAt phải là thời điểm ISO 8601.", "sentAt") };
  }
  return {
    ok: true,
    value: {
      ...(hasToken ? { token: b.token as string } : { attendeeId: b.attendeeId as string }),
      deviceId: b.deviceId,
      nonce: b.nonce,
      scannedAt,
      sentAt,
    },
  };
}

const UNAUTHORIZED: ApiAnswer = {
  status: 401,
  body: {
    error: "Máy quét chưa được cấp quyền hoặc phiên quét đã hết hạn: mở lại trang quét mã (đăng nhập) để tiếp tục.",
  },
};

/**
 * The whole API behind both servers: credential (signature, then whether its session and the user's
 * capability still hold), body, check-in. `ip` is the client's address for the audit trail.
 */
export async function answerCheckin(
  authorization: string | null | undefined,
  rawBody: string,
  ip: string | null = null,
): Promise<ApiAnswer> {
  const bearer = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : "";
  const credential = bearer ? verifyScannerCredential(bearer) : null;
  const auth = credential ? await authorizeScanner(credential) : null;
  if (!auth) return UNAUTHORIZED;
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ...bad("Nội dung yêu cầu không phải JSON hợp lệ."), userId: auth.userId };
  }
  const parsed = parseCheckinBody(json);
  if (!parsed.ok) return { ...parsed.answer, userId: auth.userId };
  const v = parsed.value;
  const body = await checkIn({
    conferenceId: auth.conferenceId,
    listId: auth.listId,
    token: v.token,
    attendeeId: v.attendeeId,
    deviceId: v.deviceId,
    nonce: v.nonce,
    scannedAt: v.scannedAt,
    sentAt: v.sentAt,
    method: v.token !== undefined ? "SCAN" : "MANUAL",
    userId: auth.userId,
    credentialKey: auth.credentialKey,
    onlyBridgePointId: auth.onlyBridgePointId,
    notBefore: auth.notBefore,
    audit: { actor: scannerActor(auth, v.deviceId, ip), action: "attendance.scan" },
  });
  return { status: 200, body, userId: auth.userId };
}

const SERVER_ERROR = JSON.stringify({
  error: "Máy chủ gặp lỗi khi ghi nhận điểm danh; lượt quét chưa được lưu, hãy thử lại.",
});

function send(res: ServerResponse, status: number, text: string, extra?: Record<string, string>): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...extra,
  });
  res.end(text);
}

/** Node handler for the production server. */
export function handleCheckinNode(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "POST") {
    send(res, 405, JSON.stringify({ error: "Chỉ nhận yêu cầu POST." }), { allow: "POST" });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on("end", () => {
    if (tooLarge) {
      send(res, 413, JSON.stringify({ error: "Nội dung yêu cầu quá lớn (tối đa 16 KB)." }));
      return;
    }
    const raw = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
    // The edge (app/http/edge.server.ts) put the client's address in the header (TRUST_PROXY aware);
    // without it, the socket's.
    const forwarded = req.headers[CLIENT_IP_HEADER];
    const ip = (typeof forwarded === "string" && forwarded) || req.socket.remoteAddress || null;
    answerCheckin(req.headers.authorization, raw, ip).then(
      (a) => {
        const note = req.headers[REQUEST_NOTE_HEADER];
        if (a.userId && typeof note === "string") noteUserOfKey(note, a.userId);
        send(res, a.status, JSON.stringify(a.body));
      },
      (error: unknown) => {
        logger.error({ event: "checkin.error", err: error }, "check-in failed");
        send(res, 500, SERVER_ERROR);
      },
    );
  });
  req.on("error", () => res.destroy());
}

/** Fetch-API handler for the Remix route. */
export async function handleCheckinRequest(request: Request): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  if (request.method !== "POST")
    return Response.json({ error: "Chỉ nhận yêu cầu POST." }, { status: 405, headers: { ...headers, allow: "POST" } });
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    return Response.json({ error: "Nội dung yêu cầu quá lớn (tối đa 16 KB)." }, { status: 413, headers });
  try {
    const a = await answerCheckin(request.headers.get("authorization"), raw, clientIp(request));
    return Response.json(a.body, { status: a.status, headers });
  } catch (error) {
    logger.error({ event: "checkin.error", err: error }, "check-in failed");
    return new Response(SERVER_ERROR, {
      status: 500,
      headers: { ...headers, "content-type": "application/json; charset=utf-8" },
    });
  }
}
