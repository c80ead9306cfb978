import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeEvidence } from "#app/files/file-store.server.ts";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { createUserSession } from "#app/auth/session.server.ts";
import { checkinCode } from "#app/invitations/checkin-code.ts";
import { issueScannerCredential } from "#app/checkin/credential.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Role } from "#app/auth/roles.ts";
import { expectedAnswer, type Actor, type Expected, type Need, type Target } from "#tests/helpers/access-model.ts";
import { DatabaseWatch, type Digest } from "#tests/helpers/db-watch.ts";
import {
  dataUrl,
  get,
  handlerFor,
  loadProductionBuild,
  post,
  postRaw,
  type Answer,
  type Handler,
  type Outcome,
} from "#tests/helpers/remix-handler.ts";

// The authorization matrix (issue 10, Build 2). Every route module of the production build must have a
// row here — a new route fails the test until it is listed, a row for a removed route fails too — and
// every loader and every action intent is called, through Remix's real request handler, as anonymous,
// as each role of the organisation that owns the record, as a user of a sibling organisation, as an
// ADMIN of a child organisation, and as the users a relation reaches from outside (IT support, bridge
// operators, the assessed unit). What each of them should get is computed from the policy
// (app/auth/policy.ts) by test/helpers/access-model.ts, never written per role here. Every refused write
// must leave the database — the audit trail included — as it was.

// ---------------------------------------------------------------------------------------------------
// The table: one line per route module. `on` is the record that decides access; `loader` the capability
// the loader needs; `actions` each intent (the `intent` form field; "" for an action without intents)
// and the capability it needs. "signed-in": any signed-in user (lists narrowed to what one may see).

type On =
  | "conference"
  | "conference-lists"
  | "conference-bridge"
  | "round"
  /** A page comparing a round's units with each other: the round's organisation only, not its assessed units. */
  | "round-peers"
  | "framework"
  | "plan"
  | "organization"
  | "user"
  | "own"
  | "signed-in";

interface Row {
  route: string;
  url: string;
  on: On;
  loader?: Need;
  actions?: Record<string, Need>;
  /** Extra form fields per intent, so that a permitted call stops at validation instead of changing data. */
  fields?: Record<string, (s: Scene, a: Actor) => Record<string, string | string[]>>;
  /** Undoes a permitted write that later calls depend on. */
  restore?: (s: Scene) => Promise<void>;
  /**
   * A layout route: every document under it is a child's, so only its own loader (`.data`) is called
   * here; its children's rows expect their documents to answer as the strictest of both loaders.
   */
  layout?: boolean;
}

const row = (
  route: string,
  url: string,
  on: On,
  loader: Need | undefined,
  actions?: Record<string, Need>,
  extra: Pick<Row, "fields" | "restore" | "layout"> = {},
): Row => ({ route, url, on, loader, actions, ...extra });

const c = "/conferences/{conference}";
const edit: Need = "conference.edit";
const inv: Need = "invitations.manage";
const score: Need = "scoring.manage";
const own = { "upload-evidence": (s: Scene, a: Actor) => ({ actionId: s.ownedAction.get(a.key) ?? "" }) };

const MATRIX: Row[] = [
  // Conferences: plan, agenda, awards, speeches, documents, packet
  row("conferences._index", "/conferences", "signed-in", "signed-in"),
  row("conferences.new", "/conferences/new", "own", edit, { "": edit }),
  // The layout of every conferences.$id.* page (navigation, breadcrumbs): any relation to the conference.
  row("conferences.$id", c, "conference", "related", undefined, { layout: true }),
  row("conferences.$id._index", c, "conference", "conference.view", { "": edit }),
  row("conferences.$id.edit", `${c}/edit`, "conference", edit, { "": edit }),
  row("conferences.$id.agenda", `${c}/agenda`, "conference", "conference.view", {
    add: edit,
    update: edit,
    delete: edit,
    move: edit,
    reorder: edit,
  }),
  row("conferences.$id.awards", `${c}/awards`, "conference", "conference.view", {
    add: edit,
    import: edit,
    move: edit,
    status: edit,
  }),
  row("conferences.$id.speeches", `${c}/speeches`, "conference", "conference.view", {
    register: edit,
    status: edit,
    move: edit,
    draft: edit,
  }),
  row("speeches.history", "/speeches/history", "own", "conference.view"),
  row("conferences.$id.plan[.pdf]", `${c}/plan.pdf`, "conference", "conference.view"),
  row("conferences.$id.agenda[.pdf]", `${c}/agenda.pdf`, "conference", "conference.view"),
  row("conferences.$id.awards[.pdf]", `${c}/awards.pdf`, "conference", "conference.view"),
  row(
    "conferences.$id.packet",
    `${c}/packet`,
    "conference",
    "conference.view",
    { round: edit, build: edit },
    { fields: { round: (s) => ({ roundId: s.ids.packetRound }) } },
  ),
  row("conferences.$id.packet[.json]", `${c}/packet.json`, "conference", "conference.view"),
  row("conferences.$id.packet[.pdf]", `${c}/packet.pdf`, "conference", "conference.view"),
  row("conferences.$id.packet[.xlsx]", `${c}/packet.xlsx`, "conference", "conference.view"),
  // Invitations: personal links and contacts
  row("conferences.$id.attendees", `${c}/attendees`, "conference", inv, {
    add: inv,
    import: inv,
    send: inv,
    update: inv,
    cancel: inv,
    remind: inv,
    resend: inv,
    members: inv,
  }),
  // issue 17: "Gửi lại các thư lỗi"; without its confirmation a permitted call stops at validation.
  row("conferences.$id.outbox", `${c}/outbox`, "conference", inv, { "resend-failed": inv }),
  row("conferences.$id.outbox[.json]", `${c}/outbox.json`, "conference", inv),
  // issue 14: reminders — the timed reminders page; each intent without its fields stops at validation.
  row("conferences.$id.reminders", `${c}/reminders`, "conference", inv, { schedule: inv, cancel: inv, delete: inv }),
  // Bridge points ({bridge}: a bridge hosted by a child organisation, whose operator is one of the actors)
  row("bridges._index", "/bridges", "signed-in", "signed-in"),
  row("conferences.$id.bridges._index", `${c}/bridges`, "conference", "bridges.support", {
    create: "bridges.manage",
    bulk: "bridges.manage",
    assign: "bridges.manage",
  }),
  row("conferences.$id.bridges.$bridgeId", `${c}/bridges/{bridge}`, "conference-bridge", "bridges.support", {
    update: "bridges.manage",
    delete: "bridges.manage",
  }),
  row("conferences.$id.bridges.readiness", `${c}/bridges/readiness`, "conference", "bridges.support", {
    schedule: "bridges.manage",
    request: "bridges.manage",
  }),
  // Check-in and attendance ({list}: the check-in list of that bridge)
  row("conferences.$id.checkin._index", `${c}/checkin`, "conference-lists", "attendance.take", {
    create: edit,
    rename: edit,
    delete: edit,
    "bridge-lists": edit,
  }),
  row("conferences.$id.checkin.$listId", `${c}/checkin/{list}`, "conference-bridge", "attendance.take", {
    "": "attendance.take",
  }),
  row("conferences.$id.checkin.$listId_.counts", `${c}/checkin/{list}/counts`, "conference-bridge", "attendance.take"),
  row(
    "conferences.$id.checkin.$listId_.search",
    `${c}/checkin/{list}/search?q=Nguyen`,
    "conference-bridge",
    "attendance.take",
  ),
  row("conferences.$id.attendance._index", `${c}/attendance`, "conference", "attendance.take", {
    "": "attendance.take",
  }),
  row("conferences.$id.attendance[.json]", `${c}/attendance.json`, "conference", "attendance.take"),
  row("conferences.$id.attendance.sheet[.pdf]", `${c}/attendance/sheet.pdf`, "conference", "attendance.take"),
  row("conferences.$id.attendance.sheet[.json]", `${c}/attendance/sheet.json`, "conference", "attendance.take", {
    build: "attendance.take",
  }),
  row("conferences.$id.attendance.posters[.pdf]", `${c}/attendance/posters.pdf`, "conference", "bridges.manage"),
  row("conferences.$id.attendance.posters[.json]", `${c}/attendance/posters.json`, "conference", "bridges.manage", {
    build: "bridges.manage",
  }),
  row("conferences.$id.attendance[.xlsx]", `${c}/attendance.xlsx`, "conference", "attendance.report"),
  row("conferences.$id.attendance-report[.pdf]", `${c}/attendance-report.pdf`, "conference", "attendance.report"),
  row("conferences.$id.attendance-report[.json]", `${c}/attendance-report.json`, "conference", "attendance.report", {
    build: "attendance.report",
  }),
  // issue 14: meetdocs (meeting documents: the page with its intents, who opened one, the organisers' download)
  row("conferences.$id.documents._index", `${c}/documents`, "conference", "conference.view", {
    create: edit,
    move: edit,
    delete: edit,
    publish: edit,
  }),
  row("conferences.$id.documents.$docId", `${c}/documents/{meetingDocument}`, "conference", "conference.view"),
  row(
    "conferences.$id.documents.$docId.file",
    `${c}/documents/{meetingDocument}/file`,
    "conference",
    "conference.view",
  ),
  // issue 14: conclusion (the seeded notice of this conference is issued: "create" finds it, the other
  // intents without their fields stop at validation)
  row("conferences.$id.conclusion", `${c}/conclusion`, "conference", "conference.view", {
    create: edit,
    save: edit,
    issue: edit,
    "task-status": edit,
  }),
  row("conferences.$id.conclusion[.pdf]", `${c}/conclusion.pdf`, "conference", "conference.view"),
  row("conferences.$id.conclusion[.docx]", `${c}/conclusion.docx`, "conference", "conference.view"),
  // Scoring: frameworks, rounds, scores
  row("scoring._index", "/scoring", "own", "scoring.view"),
  row("scoring.frameworks.new", "/scoring/frameworks/new", "own", score, { "": score }),
  row("scoring.frameworks.$id", "/scoring/frameworks/{framework}", "framework", "scoring.view", {
    "update-node": score,
    "add-node": score,
    "delete-node": score,
    "update-bands": score,
  }),
  row(
    "scoring.frameworks.$id.export[.json]",
    "/scoring/frameworks/{framework}/export.json",
    "framework",
    "scoring.view",
  ),
  row(
    "scoring.frameworks.$id.export[.xlsx]",
    "/scoring/frameworks/{framework}/export.xlsx",
    "framework",
    "scoring.view",
  ),
  // The code mapping editor: {framework} against itself (the demo has one Bình Thuận framework); each
  // intent without its fields stops at validation (400) when permitted, and saves nothing.
  row(
    "scoring.frameworks.$id_.mapping.$previousId",
    "/scoring/frameworks/{framework}/mapping/{framework}",
    "framework",
    "scoring.view",
    { save: score, reset: score, import: score },
  ),
  row(
    "scoring.frameworks.$id_.mapping.$previousId.export[.csv]",
    "/scoring/frameworks/{framework}/mapping/{framework}/export.csv",
    "framework",
    "scoring.view",
  ),
  row("scoring.rounds.new", "/scoring/rounds/new", "own", score, { "": score }),
  row(
    "scoring.rounds.$id._index",
    "/scoring/rounds/{round}",
    "round",
    "scoring.view",
    { import: score, publish: score, unpublish: score },
    { restore: republish },
  ),
  // Blocks and unit placement: each intent without its fields stops at validation (400) when permitted.
  row("scoring.rounds.$id.blocks", "/scoring/rounds/{round}/blocks", "round", "scoring.view", {
    "add-block": score,
    "rename-block": score,
    "move-block": score,
    "delete-block": score,
    unit: score,
  }),
  row("scoring.rounds.$id.ranking[.xlsx]", "/scoring/rounds/{round}/ranking.xlsx", "round", "scoring.view"),
  // The criterion analysis compares the units with each other: 404 for an assessed unit.
  row("scoring.rounds.$id.analysis", "/scoring/rounds/{round}/analysis", "round-peers", "scoring.view"),
  row("scoring.rounds.$id.sipas", "/scoring/rounds/{round}/sipas", "round", "scoring.view"),
  row("scoring.rounds.$id.units.$unitId", "/scoring/rounds/{round}/units/{unit}", "round", "scoring.view", {
    "": "remediation.manage",
  }),
  row(
    "scoring.rounds.$id.units.$unitId.scores",
    "/scoring/rounds/{round}/units/{unit}/scores",
    "round",
    score,
    { "": score },
    { fields: { "": (s) => s.invalidScoreGrid } },
  ),
  // Remediation plans ({plan}: the assessed unit's plan of a published round; evidence goes to an
  // action the caller owns)
  row("remediation._index", "/remediation", "own", "remediation.view"),
  row(
    "remediation.$planId",
    "/remediation/{plan}",
    "plan",
    "remediation.view",
    {
      "update-action": "remediation.update",
      "upload-evidence": "remediation.update",
      "delete-evidence": "remediation.update",
      report: "remediation.update",
      "edit-plan": "remediation.manage",
      "delete-plan": "remediation.manage",
    },
    { fields: own },
  ),
  row("remediation.evidence.$fileId", "/remediation/evidence/{file}", "plan", "remediation.view"),
  // The change log
  row("conferences.$id.audit", `${c}/audit`, "conference", "audit.view"),
  row("conferences.$id.audit[.xlsx]", `${c}/audit.xlsx`, "conference", "audit.view"),
  row("scoring.rounds.$id.audit", "/scoring/rounds/{round}/audit", "round", "audit.view"),
  row("scoring.rounds.$id.audit[.xlsx]", "/scoring/rounds/{round}/audit.xlsx", "round", "audit.view"),
  row("admin.audit", "/admin/audit", "own", "admin"),
  row("admin.audit[.xlsx]", "/admin/audit.xlsx", "own", "admin"),
  // Administration
  row("admin.organizations._index", "/admin/organizations", "own", "admin"),
  row("admin.organizations.new", "/admin/organizations/new", "own", "admin", { "": "admin" }),
  row("admin.organizations.$id", "/admin/organizations/{organization}", "organization", "admin", { "": "admin" }),
  row("admin.users._index", "/admin/users", "own", "admin"),
  row("admin.users.new", "/admin/users/new", "own", "admin", { "": "admin" }),
  row("admin.users.$id", "/admin/users/{user}", "user", "admin", { "": "admin" }),
  // issue 14: docx (Word files of the official documents, and the generic giấy mời)
  row("conferences.$id.plan[.docx]", `${c}/plan.docx`, "conference", "conference.view"),
  row("conferences.$id.agenda[.docx]", `${c}/agenda.docx`, "conference", "conference.view"),
  row("conferences.$id.awards[.docx]", `${c}/awards.docx`, "conference", "conference.view"),
  row("conferences.$id.attendance-report[.docx]", `${c}/attendance-report.docx`, "conference", "attendance.report"),
  row("conferences.$id.letter[.pdf]", `${c}/letter.pdf`, "conference", "conference.view"),
  row("conferences.$id.letter[.docx]", `${c}/letter.docx`, "conference", "conference.view"),
];

/** Publishing is an intent of the round page; a permitted "unpublish" would hide the round from its units. */
async function republish(s: Scene): Promise<void> {
  await prisma.assessmentRound.update({ where: { id: s.ids.round }, data: { status: "PUBLISHED" } });
}

// ---------------------------------------------------------------------------------------------------
// Public capability routes: the key in the URL is the credential. Each check names the key it uses.

type PublicExpect =
  /** 2xx or a redirect that is not to the login page. */
  | "ok"
  /** Not refused: 2xx/3xx, or 400/409 from a handler that ran (empty or invalid body). */
  | "allowed"
  /** Refused: any 4xx, or a check-in answer `rejected`. */
  | "refused"
  | "login"
  | number;

interface PublicCheck {
  route: string;
  name: string;
  request: (s: Scene) => Request;
  expect: PublicExpect;
  /** A write that must leave the database as it was (tables listed are allowed to change). */
  unchanged?: true | string[];
}

const WRONG_KEY = "Zz9Zz9Zz9Zz9Zz9Zz9Zz9Z";
// Every scan is logged, refused ones too (CheckinScan is the log, not the attendance), and failed code
// lookups count towards throttling: a refused check-in may write those, never Attendance.
const SCAN_LOG = ["CheckinScan", "RateLimit"];

const PUBLIC: PublicCheck[] = [
  {
    route: "root",
    name: "root loader, anonymous",
    request: () => get(dataUrl("/", { routes: ["root"] }), null),
    expect: "ok",
  },
  {
    route: "root",
    name: "root loader, signed in",
    request: (s) => get(dataUrl("/", { routes: ["root"] }), s.cookieOf("qn-office")),
    expect: "ok",
  },
  { route: "$", name: "unknown path, anonymous", request: () => get("/khong-co-trang-nay", null), expect: 404 },
  {
    route: "$",
    name: "unknown path, signed in",
    request: (s) => get("/khong-co-trang-nay", s.cookieOf("qn-office")),
    expect: 404,
  },
  // The list benchmark's constant page exists only when a benchmark starts the server with
  // BENCH_REFERENCE_ROUTE=true: here, as in production, it is an unknown page.
  {
    route: "bench.reference",
    name: "benchmark reference page, anonymous",
    request: () => get("/bench/reference?bytes=100", null),
    expect: 404,
  },
  {
    route: "bench.reference",
    name: "benchmark reference page, signed in",
    request: (s) => get("/bench/reference?bytes=100", s.cookieOf("qn-office")),
    expect: 404,
  },
  { route: "_index", name: "home, anonymous → login", request: () => get("/", null), expect: "login" },
  {
    route: "_index",
    name: "home, signed in → conferences",
    request: (s) => get("/", s.cookieOf("qn-office")),
    expect: "ok",
  },
  { route: "login", name: "login page", request: () => get("/login", null), expect: 200 },
  {
    route: "login",
    name: "empty form",
    request: () => post(dataUrl("/login"), null, {}),
    expect: 400,
    unchanged: ["RateLimit"],
  },
  {
    route: "login",
    name: "wrong password",
    request: () =>
      post(dataUrl("/login"), null, { email: "vanphong.quangnam@hoinghi.local", password: "sai-mat-khau" }),
    expect: 400,
    unchanged: ["RateLimit"],
  },
  {
    route: "login",
    name: "right password",
    request: () =>
      post(dataUrl("/login"), null, { email: "vanphong.quangnam@hoinghi.local", password: "hoinghi-demo" }),
    expect: "ok",
  },
  { route: "logout", name: "GET → home", request: () => get("/logout", null), expect: "ok" },
  {
    route: "logout",
    name: "POST ends the session",
    request: (s) => post(dataUrl("/logout"), s.throwawayCookie, {}),
    expect: "login",
  },
  // Invitation links: /i/<token> of an attendee; another attendee's token is a different invitation.
  { route: "i.$token._index", name: "right token", request: (s) => get(`/i/${s.ids.token}`, null), expect: 200 },
  {
    route: "i.$token._index",
    name: "right token, data",
    request: (s) => get(dataUrl(`/i/${s.ids.token}`, { routes: ["routes/i.$token._index"] }), null),
    expect: 200,
  },
  { route: "i.$token._index", name: "wrong token", request: () => get(`/i/${WRONG_KEY}`, null), expect: 404 },
  ...["accept", "decline", "paper", "substitute"].flatMap((intent): PublicCheck[] => [
    {
      route: "i.$token._index",
      name: `${intent}, right token`,
      request: (s) =>
        post(
          dataUrl(`/i/${s.ids.token}`, { index: true }),
          null,
          intent === "accept" ? { intent } : { intent, name: "", title: "", reason: "" },
        ),
      expect: "allowed",
    },
    {
      route: "i.$token._index",
      name: `${intent}, wrong token`,
      request: () => post(dataUrl(`/i/${WRONG_KEY}`, { index: true }), null, { intent }),
      expect: 404,
      unchanged: true,
    },
  ]),
  {
    route: "i.$token.letter[.pdf]",
    name: "right token",
    request: (s) => get(`/i/${s.ids.token}/letter.pdf`, null),
    expect: 200,
  },
  {
    route: "i.$token.letter[.pdf]",
    name: "wrong token",
    request: () => get(`/i/${WRONG_KEY}/letter.pdf`, null),
    expect: 404,
  },
  {
    route: "i.$token.giay-moi[.pdf]",
    name: "former address → letter.pdf",
    request: (s) => get(`/i/${s.ids.token}/giay-moi.pdf`, null),
    expect: "ok",
  },
  {
    route: "i.$token.invite[.ics]",
    name: "right token",
    request: (s) => get(`/i/${s.ids.token}/invite.ics`, null),
    expect: 200,
  },
  {
    route: "i.$token.invite[.ics]",
    name: "wrong token",
    request: () => get(`/i/${WRONG_KEY}/invite.ics`, null),
    expect: 404,
  },
  {
    route: "i.$token.qr[.png]",
    name: "right token",
    request: (s) => get(`/i/${s.ids.token}/qr.png`, null),
    expect: 200,
  },
  { route: "i.$token.qr[.png]", name: "wrong token", request: () => get(`/i/${WRONG_KEY}/qr.png`, null), expect: 404 },
  // A bridge's operator link /b/<accessKey>.
  { route: "b.$key", name: "right key", request: (s) => get(`/b/${s.ids.bridgeKey}`, null), expect: 200 },
  { route: "b.$key", name: "wrong key", request: () => get(`/b/${WRONG_KEY}`, null), expect: 404 },
  {
    route: "b.$key",
    name: "test result, right key, empty form",
    request: (s) => post(dataUrl(`/b/${s.ids.bridgeKey}`), null, {}),
    expect: 400,
  },
  {
    route: "b.$key",
    name: "test result, wrong key",
    request: () => post(dataUrl(`/b/${WRONG_KEY}`), null, { result: "PASSED" }),
    expect: 404,
    unchanged: true,
  },
  {
    route: "b.$key_.roll-call",
    name: "right key",
    request: (s) => get(`/b/${s.ids.bridgeKey}/roll-call`, null),
    expect: 200,
  },
  { route: "b.$key_.roll-call", name: "wrong key", request: () => get(`/b/${WRONG_KEY}/roll-call`, null), expect: 404 },
  {
    route: "b.$key_.roll-call",
    name: "mark, own attendee",
    request: (s) =>
      post(dataUrl(`/b/${s.ids.bridgeKey}/roll-call`), null, { attendeeId: s.ids.ownAttendee1, status: "PRESENT" }),
    expect: "ok",
  },
  {
    route: "b.$key_.roll-call",
    name: "mark, attendee of another bridge",
    request: (s) =>
      post(dataUrl(`/b/${s.ids.bridgeKey}/roll-call`), null, {
        attendeeId: s.ids.otherBridgeAttendee1,
        status: "PRESENT",
      }),
    expect: "refused",
    unchanged: true,
  },
  {
    route: "b.$key_.roll-call",
    name: "mark, attendee of another conference",
    request: (s) =>
      post(dataUrl(`/b/${s.ids.bridgeKey}/roll-call`), null, {
        attendeeId: s.ids.otherConferenceAttendee1,
        status: "PRESENT",
      }),
    expect: "refused",
    unchanged: true,
  },
  {
    route: "b.$key_.roll-call",
    name: "mark, wrong key",
    request: (s) =>
      post(dataUrl(`/b/${WRONG_KEY}/roll-call`), null, { attendeeId: s.ids.ownAttendee1, status: "PRESENT" }),
    expect: 404,
    unchanged: true,
  },
  // issue 14: meetdocs. A published document for everyone opens from an invitation of its conference and
  // from a bridge's operator link; a forged link, another conference's invitation or a classified document: 404.
  {
    route: "i.$token.documents.$docId",
    name: "right token",
    request: (s) => get(`/i/${s.ids.token}/documents/${s.ids.meetingDocument}`, null),
    expect: 200,
  },
  {
    route: "i.$token.documents.$docId",
    name: "wrong token",
    request: (s) => get(`/i/${WRONG_KEY}/documents/${s.ids.meetingDocument}`, null),
    expect: 404,
  },
  {
    route: "i.$token.documents.$docId",
    name: "invitation of another conference",
    request: (s) => get(`/i/${s.ids.otherConferenceToken}/documents/${s.ids.meetingDocument}`, null),
    expect: 404,
  },
  {
    route: "i.$token.documents.$docId",
    name: "classified document",
    request: (s) => get(`/i/${s.ids.token}/documents/${s.ids.classifiedDocument}`, null),
    expect: 404,
  },
  {
    route: "b.$key_.documents.$docId",
    name: "right key",
    request: (s) => get(`/b/${s.ids.bridgeKey}/documents/${s.ids.meetingDocument}`, null),
    expect: 200,
  },
  {
    route: "b.$key_.documents.$docId",
    name: "wrong key",
    request: (s) => get(`/b/${WRONG_KEY}/documents/${s.ids.meetingDocument}`, null),
    expect: 404,
  },
  {
    route: "b.$key_.documents.$docId",
    name: "classified document",
    request: (s) => get(`/b/${s.ids.bridgeKey}/documents/${s.ids.classifiedDocument}`, null),
    expect: 404,
  },
  // A bridge's self check-in poster /d/<posterKey>: the attendees of that bridge only.
  { route: "d.$key", name: "right key", request: (s) => get(`/d/${s.ids.posterKey}`, null), expect: 200 },
  { route: "d.$key", name: "wrong key", request: () => get(`/d/${WRONG_KEY}`, null), expect: 404 },
  {
    route: "d.$key",
    name: "code of an attendee of this bridge",
    request: (s) => post(dataUrl(`/d/${s.ids.posterKey}`), null, { intent: "code", code: s.ids.ownCode }),
    expect: 200,
  },
  {
    route: "d.$key",
    name: "code of an attendee of another bridge",
    request: (s) => post(dataUrl(`/d/${s.ids.posterKey}`), null, { intent: "code", code: s.ids.otherBridgeCode }),
    expect: "refused",
  },
  {
    route: "d.$key",
    name: "code, wrong key",
    request: (s) => post(dataUrl(`/d/${WRONG_KEY}`), null, { intent: "code", code: s.ids.ownCode }),
    expect: 404,
    unchanged: ["RateLimit"],
  },
  {
    route: "d.$key",
    name: "confirm, attendee of this bridge",
    request: (s) =>
      post(dataUrl(`/d/${s.ids.posterKey}`), null, {
        intent: "confirm",
        attendeeId: s.ids.ownAttendee2,
        nonce: "matrix-1",
      }),
    expect: "ok",
  },
  {
    route: "d.$key",
    name: "confirm, attendee of another bridge",
    request: (s) =>
      post(dataUrl(`/d/${s.ids.posterKey}`), null, {
        intent: "confirm",
        attendeeId: s.ids.otherBridgeAttendee2,
        nonce: "matrix-2",
      }),
    expect: "refused",
    unchanged: SCAN_LOG,
  },
  {
    route: "d.$key",
    name: "confirm, attendee of another conference",
    request: (s) =>
      post(dataUrl(`/d/${s.ids.posterKey}`), null, {
        intent: "confirm",
        attendeeId: s.ids.otherConferenceAttendee2,
        nonce: "matrix-3",
      }),
    expect: "refused",
    unchanged: SCAN_LOG,
  },
  {
    route: "d.$key",
    name: "confirm, wrong key",
    request: (s) =>
      post(dataUrl(`/d/${WRONG_KEY}`), null, { intent: "confirm", attendeeId: s.ids.ownAttendee2, nonce: "matrix-4" }),
    expect: 404,
    unchanged: ["RateLimit"],
  },
  // The scanners' API: a credential is bound to a conference and a list; the operator's list is their bridge's.
  { route: "api.checkin", name: "GET", request: () => get("/api/checkin", null), expect: 405 },
  {
    route: "api.checkin",
    name: "no credential",
    request: (s) => checkinPost(null, { token: s.ids.ownToken }),
    expect: 401,
    unchanged: true,
  },
  {
    route: "api.checkin",
    name: "forged credential",
    request: (s) => checkinPost(`${s.credential.slice(0, -4)}AAAA`, { token: s.ids.ownToken }),
    expect: 401,
    unchanged: true,
  },
  {
    route: "api.checkin",
    name: "operator, attendee of own bridge",
    request: (s) => checkinPost(s.credential, { token: s.ids.ownToken }),
    expect: 200,
  },
  {
    route: "api.checkin",
    name: "operator, token of another bridge's attendee",
    request: (s) => checkinPost(s.credential, { token: s.ids.otherBridgeToken }),
    expect: "refused",
    unchanged: SCAN_LOG,
  },
  {
    route: "api.checkin",
    name: "operator, attendeeId of another bridge",
    request: (s) => checkinPost(s.credential, { attendeeId: s.ids.otherBridgeAttendee5 }),
    expect: "refused",
    unchanged: SCAN_LOG,
  },
  {
    route: "api.checkin",
    name: "operator, token of another conference",
    request: (s) => checkinPost(s.credential, { token: s.ids.otherConferenceToken }),
    expect: "refused",
    unchanged: SCAN_LOG,
  },
  // Connectivity tests: ?k=<accessKey> for the operator link, ?b=<bridgeId> for a signed-in operator.
  ...(["ping", "download", "upload"] as const).flatMap((what): PublicCheck[] => {
    const route = `api.connectivity.${what}`;
    const call = (query: string, cookie: string | null) =>
      what === "upload"
        ? postRaw(`/api/connectivity/upload?${query}`, new Uint8Array(1024), cookie ? { Cookie: cookie } : {})
        : get(`/api/connectivity/${what}?${query}&bytes=1024`, cookie);
    return [
      { route, name: "right key", request: (s) => call(`k=${s.ids.bridgeKey}`, null), expect: 200 },
      { route, name: "wrong key", request: () => call(`k=${WRONG_KEY}`, null), expect: 404 },
      {
        route,
        name: "bridge id, its operator",
        request: (s) => call(`b=${s.ids.bridge}`, s.cookieOf("child-operator")),
        expect: 200,
      },
      {
        route,
        name: "bridge id, sibling organisation",
        request: (s) => call(`b=${s.ids.bridge}`, s.cookieOf("qn-sibling")),
        expect: 404,
      },
      { route, name: "bridge id, anonymous", request: (s) => call(`b=${s.ids.bridge}`, null), expect: 404 },
    ];
  }),
];

function checkinPost(credential: string | null, body: Record<string, string>): Request {
  const json = JSON.stringify({
    deviceId: "matrix-test",
    nonce: crypto.randomUUID(),
    scannedAt: new Date().toISOString(),
    ...body,
  });
  return postRaw("/api/checkin", json, {
    "Content-Type": "application/json",
    ...(credential ? { Authorization: `Bearer ${credential}` } : {}),
  });
}

// ---------------------------------------------------------------------------------------------------
// The scene: records of the seeded demo (Quảng Nam's 2024 conference with its bridges, lists, attendees,
// awards, speeches and agenda; Bình Thuận's published 2023 round with Tánh Linh's remediation plan) and
// the users each role needs, created where the demo has none.

/** The ids and keys the URLs and public checks use ({name} in a URL is `ids.name`). */
type SceneIds = Record<
  | "conference"
  | "bridge"
  | "list"
  | "packetRound"
  | "round"
  | "unit"
  | "framework"
  | "plan"
  | "file"
  | "organization"
  | "user"
  | "bridgeKey"
  | "posterKey"
  | "token"
  | "ownAttendee1"
  | "ownAttendee2"
  | "ownToken"
  | "ownCode"
  | "otherBridgeAttendee1"
  | "otherBridgeAttendee2"
  | "otherBridgeCode"
  | "otherBridgeToken"
  | "otherBridgeAttendee5"
  | "otherConferenceAttendee1"
  | "otherConferenceAttendee2"
  | "otherConferenceToken"
  | "meetingDocument"
  | "classifiedDocument",
  string
>;

interface Scene {
  ids: SceneIds;
  targets: Record<On, Target>;
  /** Conference and admin rows are owned by Quảng Nam; scoring rows by Bình Thuận. */
  actorsFor: (on: On) => Actor[];
  cookieOf: (key: string) => string;
  throwawayCookie: string;
  credential: string;
  /** Per actor, a remediation action it owns (so that only the capability decides, not the row-level owner check). */
  ownedAction: Map<string, string>;
  invalidScoreGrid: Record<string, string>;
}

/** issue 14: meetdocs. Seed 001's report for everyone (published, a PDF) and its classified document. */
async function meetingDocumentIds(conferenceId: string) {
  const doc = (classified: boolean) =>
    prisma.meetingDocument.findFirstOrThrow({
      where: { conferenceId, classified, audience: "EVERYONE", publishedAt: { not: null }, phase: "BEFORE" },
      orderBy: { position: "asc" },
      select: { id: true },
    });
  return { meetingDocument: (await doc(false)).id, classifiedDocument: (await doc(true)).id };
}

async function buildScene(): Promise<Scene> {
  const orgs = await prisma.organization.findMany({ select: { id: true, name: true, parentId: true } });
  const org = (name: string) => {
    const o = orgs.find((x) => x.name === name);
    if (!o) throw new Error(`demo organisation missing: ${name}`);
    return o;
  };
  const subtree = (id: string): string[] => [
    id,
    ...orgs.filter((o) => o.parentId === id).flatMap((o) => subtree(o.id)),
  ];

  const actors = new Map<string, Actor>();
  const addActor = async (
    key: string,
    label: string,
    who: { email: string } | { organization: string; roles: Role[] },
  ) => {
    const user =
      "email" in who
        ? await prisma.user.findUniqueOrThrow({
            where: { email: who.email },
            select: { id: true, organizationId: true, roles: { select: { role: true } } },
          })
        : await prisma.user.create({
            data: {
              email: `${key}@matrix.test`,
              name: `Kiểm thử ${label}`,
              organizationId: org(who.organization).id,
              roles: { create: who.roles.map((role) => ({ role })) },
            },
            select: { id: true, organizationId: true, roles: { select: { role: true } } },
          });
    const roles = user.roles.map((r) => r.role as Role);
    const res = await createUserSession(user.id, "/");
    actors.set(key, {
      key,
      label,
      userId: user.id,
      organizationId: user.organizationId,
      parentOrganizationId: orgs.find((o) => o.id === user.organizationId)?.parentId ?? null,
      roles,
      visibleOrganizationIds: roles.includes("ADMIN") ? subtree(user.organizationId) : [user.organizationId],
      cookie: res.headers.get("Set-Cookie")!.split(";")[0]!,
    });
  };
  const anonymous: Actor = {
    key: "anonymous",
    label: "anonymous",
    userId: null,
    organizationId: null,
    parentOrganizationId: null,
    roles: [],
    visibleOrganizationIds: [],
    cookie: null,
  };

  // Quảng Nam: conferences, bridges, check-in, administration.
  const QN = "UBND tỉnh Quảng Nam";
  const qnRoles = {
    ADMIN: { organization: QN, roles: ["ADMIN"] },
    OFFICE: { email: "vanphong.quangnam@hoinghi.local" },
    HOME_AFFAIRS: { email: "noivu.quangnam@hoinghi.local" },
    CHECKIN_STAFF: { organization: QN, roles: ["CHECKIN_STAFF"] },
    BRIDGE_OPERATOR: { organization: QN, roles: ["BRIDGE_OPERATOR"] },
    IT_SUPPORT: { organization: QN, roles: ["IT_SUPPORT"] },
    VIEWER: { organization: QN, roles: ["VIEWER"] },
  } satisfies Record<Role, { email: string } | { organization: string; roles: Role[] }>;
  for (const [role, who] of Object.entries(qnRoles)) await addActor(`qn-${role.toLowerCase()}`, role, who);
  await addActor("qn-sibling", "sibling ADMIN (Đà Nẵng)", { organization: "UBND thành phố Đà Nẵng", roles: ["ADMIN"] });
  await addActor("qn-child-admin", "child ADMIN (Hội An)", { organization: "UBND thành phố Hội An", roles: ["ADMIN"] });
  await addActor("child-operator", "child BRIDGE_OPERATOR (Hội An bridge)", {
    organization: "UBND thành phố Hội An",
    roles: ["BRIDGE_OPERATOR"],
  });
  await addActor("child-it", "child IT_SUPPORT (Sở TTTT)", { email: "cntt.quangnam@hoinghi.local" });

  // Bình Thuận: frameworks, rounds, scores, remediation.
  const BT = "UBND tỉnh Bình Thuận";
  const btRoles = {
    ADMIN: { organization: BT, roles: ["ADMIN"] },
    OFFICE: { organization: BT, roles: ["OFFICE"] },
    HOME_AFFAIRS: { email: "noivu.binhthuan@hoinghi.local" },
    CHECKIN_STAFF: { organization: BT, roles: ["CHECKIN_STAFF"] },
    BRIDGE_OPERATOR: { organization: BT, roles: ["BRIDGE_OPERATOR"] },
    IT_SUPPORT: { organization: BT, roles: ["IT_SUPPORT"] },
    VIEWER: { organization: BT, roles: ["VIEWER"] },
  } satisfies Record<Role, { email: string } | { organization: string; roles: Role[] }>;
  for (const [role, who] of Object.entries(btRoles)) await addActor(`bt-${role.toLowerCase()}`, role, who);
  await addActor("bt-sibling", "sibling ADMIN (Quảng Trị)", { organization: "UBND tỉnh Quảng Trị", roles: ["ADMIN"] });
  await addActor("bt-child-admin", "child ADMIN (Tánh Linh, assessed unit)", {
    organization: "UBND huyện Tánh Linh",
    roles: ["ADMIN"],
  });
  await addActor("bt-child-noivu", "child HOME_AFFAIRS (Tánh Linh, assessed unit)", {
    email: "noivu.tanhlinh@hoinghi.local",
  });

  const a = (key: string) => actors.get(key)!;
  const conferenceActors = [
    anonymous,
    ...Object.keys(qnRoles).map((r) => a(`qn-${r.toLowerCase()}`)),
    a("qn-sibling"),
    a("qn-child-admin"),
    a("child-operator"),
    a("child-it"),
  ];
  const scoringActors = [
    anonymous,
    ...Object.keys(btRoles).map((r) => a(`bt-${r.toLowerCase()}`)),
    a("bt-sibling"),
    a("bt-child-admin"),
    a("bt-child-noivu"),
  ];

  // The conference and the bridge of a child organisation with its check-in list and attendees.
  const qn = org(QN);
  const hoiAn = org("UBND thành phố Hội An");
  const conference = await prisma.conference.findFirstOrThrow({
    where: {
      organizationId: qn.id,
      kind: "CONFERENCE",
      status: { not: "CANCELLED" },
      bridgePoints: { some: { hostOrganizationId: hoiAn.id } },
    },
    select: {
      id: true,
      scoringRoundId: true,
      bridgePoints: { select: { id: true, hostOrganizationId: true, accessKey: true, posterKey: true } },
    },
  });
  const bridge = conference.bridgePoints.find((b) => b.hostOrganizationId === hoiAn.id)!;
  const list = await prisma.checkinList.findFirstOrThrow({
    where: { conferenceId: conference.id, bridgePointId: bridge.id },
    select: { id: true },
  });
  // Fresh attendees, none checked in yet (the demo's are all marked present), one per check so that a
  // check that wrongly succeeds does not turn the next one into a "duplicate".
  const otherBridge = conference.bridgePoints.find((b) => b.id !== bridge.id && b.hostOrganizationId !== qn.id)!;
  const otherConference = await prisma.conference.findFirstOrThrow({
    where: { id: { not: conference.id }, kind: "CONFERENCE", status: { not: "CANCELLED" } },
    select: { id: true },
  });
  const attendee = async (key: string, conferenceId: string, bridgePointId: string | undefined) => {
    const email = `${key}@matrix.test`;
    await createAttendees(
      SYSTEM_ACTOR,
      conferenceId,
      [
        {
          name: `Đại biểu kiểm thử ${key}`,
          position: "Chuyên viên",
          organizationName: "Cơ quan kiểm thử",
          email,
          phone: "",
          groupId: undefined,
          bridgePointId,
        },
      ],
      { kind: "form" },
    );
    return prisma.attendee.findFirstOrThrow({
      where: { conferenceId, email },
      select: { id: true, token: true, invitationKey: true },
    });
  };
  const [own1, own2, own3] = [
    await attendee("hoian-1", conference.id, bridge.id),
    await attendee("hoian-2", conference.id, bridge.id),
    await attendee("hoian-3", conference.id, bridge.id),
  ];
  const others = [];
  for (let i = 1; i <= 5; i++) others.push(await attendee(`other-bridge-${i}`, conference.id, otherBridge.id));
  const elsewhere = [];
  for (let i = 1; i <= 3; i++) elsewhere.push(await attendee(`other-conference-${i}`, otherConference.id, undefined));
  const invitee = await attendee("hall-1", conference.id, undefined);
  if (!bridge.accessKey || !bridge.posterKey) throw new Error("demo bridge without keys");

  // The round, its framework, the assessed unit's plan, an evidence file, and one action owned by each actor.
  const bt = org(BT);
  const tanhLinh = org("UBND huyện Tánh Linh");
  const round = await prisma.assessmentRound.findFirstOrThrow({
    where: {
      organizationId: bt.id,
      status: "PUBLISHED",
      units: { some: { organizationId: tanhLinh.id, remediationPlans: { some: {} } } },
    },
    select: { id: true, frameworkId: true, units: { select: { id: true, organizationId: true } } },
  });
  const unit = round.units.find((u) => u.organizationId === tanhLinh.id)!;
  const plan = await prisma.remediationPlan.findFirstOrThrow({
    where: { roundUnitId: unit.id },
    select: { id: true, actions: { select: { id: true, position: true }, orderBy: { position: "desc" } } },
  });
  const nodes = await prisma.frameworkNode.count({ where: { frameworkId: round.frameworkId! } });
  const storagePath = await storeEvidence(new TextEncoder().encode("%PDF-1.4 tài liệu kiểm chứng"), "kiem-chung.pdf");
  const file = await prisma.evidenceFile.create({
    data: {
      actionId: plan.actions.at(-1)!.id,
      fileName: "kiem-chung.pdf",
      mimeType: "application/pdf",
      size: 30,
      storagePath,
    },
    select: { id: true },
  });
  const ownedAction = new Map<string, string>();
  let position = plan.actions[0]!.position;
  // Owners are people of the round's or the unit's organisations (the app refuses others): no sibling.
  for (const actor of scoringActors.filter((x) => x.userId && !x.key.endsWith("-sibling"))) {
    const action = await prisma.remediationAction.create({
      data: {
        planId: plan.id,
        position: ++position,
        code: `KT.${position}`,
        title: `Nhiệm vụ của ${actor.label}`,
        pointsLost: 0.5,
        ownerUserId: actor.userId,
      },
      select: { id: true },
    });
    ownedAction.set(actor.key, action.id);
  }

  // A session only the logout check ends; a scanner credential of the child operator for its bridge's list.
  const throwaway = await createUserSession(a("qn-viewer").userId!, "/");
  const code = (key: string) => checkinCode(key);
  const bridgeHosts = new Map(conference.bridgePoints.map((b) => [b.id, b.hostOrganizationId]));

  const ids: SceneIds = {
    conference: conference.id,
    bridge: bridge.id,
    list: list.id,
    packetRound: conference.scoringRoundId ?? "",
    round: round.id,
    unit: unit.id,
    framework: round.frameworkId!,
    plan: plan.id,
    file: file.id,
    organization: qn.id,
    user: a("qn-viewer").userId!,
    bridgeKey: bridge.accessKey,
    posterKey: bridge.posterKey,
    token: invitee.token,
    ownAttendee1: own1.id,
    ownAttendee2: own2.id,
    ownToken: own3.token,
    ownCode: code(own2.invitationKey),
    otherBridgeAttendee1: others[0]!.id,
    otherBridgeAttendee2: others[1]!.id,
    otherBridgeCode: code(others[2]!.invitationKey),
    otherBridgeToken: others[3]!.token,
    otherBridgeAttendee5: others[4]!.id,
    otherConferenceAttendee1: elsewhere[0]!.id,
    otherConferenceAttendee2: elsewhere[1]!.id,
    otherConferenceToken: elsewhere[2]!.token,
    // issue 14: meetdocs (seeded: prisma/seed-data/meeting-documents.ts)
    ...(await meetingDocumentIds(conference.id)),
  };
  const conferenceTarget: Target = { kind: "conference", organizationId: qn.id, bridgeHosts };
  return {
    ids,
    targets: {
      conference: conferenceTarget,
      // The check-in lists page: a bridge operator sees it, narrowed to their own bridge's lists.
      "conference-lists": { ...conferenceTarget, operatorNarrowed: true },
      "conference-bridge": { ...conferenceTarget, bridgeId: bridge.id },
      round: {
        kind: "round",
        organizationId: bt.id,
        published: true,
        unitOrganizationIds: round.units.map((u) => u.organizationId),
      },
      // No unit relation: an assessed unit is as unrelated as a stranger.
      "round-peers": { kind: "round", organizationId: bt.id, published: true, unitOrganizationIds: [] },
      framework: {
        kind: "framework",
        organizationId: (
          await prisma.indexFramework.findUniqueOrThrow({
            where: { id: round.frameworkId! },
            select: { organizationId: true },
          })
        ).organizationId,
      },
      plan: { kind: "plan", roundOrganizationId: bt.id, published: true, unitOrganizationId: tanhLinh.id },
      organization: { kind: "organization", organizationId: qn.id },
      user: { kind: "organization", organizationId: qn.id },
      own: { kind: "own" },
      "signed-in": { kind: "signed-in" },
    },
    actorsFor: (on) =>
      on === "round" || on === "round-peers" || on === "framework" || on === "plan" ? scoringActors : conferenceActors,
    cookieOf: (key) => a(key).cookie!,
    throwawayCookie: throwaway.headers.get("Set-Cookie")!.split(";")[0]!,
    credential: issueScannerCredential({
      conferenceId: conference.id,
      listId: list.id,
      userId: a("child-operator").userId!,
      // Credentials are bound to the sign-in session that issued them.
      sessionId: (
        await prisma.session.findFirstOrThrow({
          where: { userId: a("child-operator").userId! },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        })
      ).id,
    }),
    ownedAction,
    // Not a number in every cell: the scores form stops at validation instead of replacing the unit's scores.
    invalidScoreGrid: Object.fromEntries(Array.from({ length: nodes }, (_, i) => [`final-${i}`, "không phải số"])),
  };
}

// ---------------------------------------------------------------------------------------------------

let build: ServerBuild;
let handle: Handler;
let scene: Scene;
let watch: DatabaseWatch;

beforeAll(async () => {
  scene = await buildScene();
  build = await loadProductionBuild();
  handle = handlerFor(build);
  // Sessions and throttling counters change on their own; everything else, the audit trail included, must not.
  watch = await DatabaseWatch.open(process.env.DATABASE_URL!, ["Session", "RateLimit"]);
});

afterAll(() => watch?.close());

const routeId = (route: string) => (route === "root" ? "root" : `routes/${route}`);
const fill = (url: string) =>
  url.replace(/\{(\w+)\}/g, (_, k: string) => (scene.ids as Record<string, string | undefined>)[k] ?? `{${k}}`);
const REFUSED: readonly Outcome[] = ["login", "401", "403", "404", "429"];

interface Mismatch {
  route: string;
  call: string;
  actor: string;
  expected: string;
  got: string;
}

function describeAnswer(ans: Answer): string {
  const where = ans.location ? ` → ${ans.location.split("?")[0]}` : "";
  const error = ans.errors.length ? ` (logged: ${ans.errors[0]!.split("\n")[0]!.slice(0, 120)})` : "";
  return `${ans.outcome === String(ans.status) ? ans.status : `${ans.status} ${ans.outcome}`}${where}${error}`;
}

/** One line per route, actor and answer, the calls that gave it listed together; in the table's order. */
function table(rows: Mismatch[]): string {
  const groups = new Map<string, Mismatch & { calls: string[] }>();
  for (const r of rows) {
    const key = [r.route, r.actor, r.expected, r.got].join("\u0000");
    const g = groups.get(key) ?? { ...r, calls: [] };
    g.calls.push(r.call);
    groups.set(key, g);
  }
  const lines = [...groups.values()].map((g) => ({
    route: g.route,
    actor: g.actor,
    expected: g.expected,
    got: g.got,
    calls: g.calls.join(", "),
  }));
  const cols = ["route", "actor", "expected", "got", "calls"] as const;
  const width = cols.map((c) => Math.max(c.length, ...lines.map((l) => l[c].length)));
  const line = (l: Record<(typeof cols)[number], string>) =>
    cols.map((c, i) => (i === cols.length - 1 ? l[c] : l[c].padEnd(width[i]!))).join(" | ");
  return [
    line({ route: "route", actor: "actor", expected: "expected", got: "got", calls: "calls" }),
    width.map((w) => "-".repeat(w)).join("-|-"),
    ...lines.map(line),
  ].join("\n");
}

describe("authorization matrix", () => {
  it("has exactly one row per route module of the build, and lists every intent its source names", async () => {
    const listed = [...MATRIX.map((r) => r.route), ...new Set(PUBLIC.map((p) => p.route))].map(routeId);
    const duplicated = listed.filter((id, i) => listed.indexOf(id) !== i);
    const missing = Object.keys(build.routes).filter((id) => !listed.includes(id));
    const stale = listed.filter((id) => !build.routes[id]);
    const problems: string[] = [
      ...missing.map((id) => `route module without a row in the matrix: ${id}`),
      ...stale.map((id) => `row for a route module the build does not have: ${id}`),
      ...duplicated.map((id) => `route module listed twice: ${id}`),
    ];
    for (const r of MATRIX) {
      const mod = build.routes[routeId(r.route)]?.module;
      if (!mod) continue;
      if (!!mod.loader !== !!r.loader)
        problems.push(
          `${r.route}: ${mod.loader ? "has a loader the row does not list" : "row lists a loader the module does not have"}`,
        );
      if (!!mod.action !== !!r.actions)
        problems.push(
          `${r.route}: ${mod.action ? "has an action the row does not list" : "row lists an action the module does not have"}`,
        );
      if (!r.actions) continue;
      const named = await intentsNamedBySource(r.route);
      const listedIntents = Object.keys(r.actions).filter(Boolean);
      for (const i of named)
        if (!listedIntents.includes(i)) problems.push(`${r.route}: intent "${i}" is in the source but not in the row`);
      for (const i of listedIntents)
        if (!named.includes(i)) problems.push(`${r.route}: the row lists intent "${i}" that the source does not name`);
      if (named.length && "" in r.actions) problems.push(`${r.route}: the action has intents; list them instead of ""`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("answers every loader and action intent as the policy says, and refused writes change nothing", async () => {
    const mismatches: Mismatch[] = [];
    let calls = 0;
    const started = performance.now();
    const slow = new Map<string, number>();
    const byKind = new Map<string, { n: number; ms: number }>();
    const call = async (req: Request) => {
      calls++;
      const ans = await handle(req);
      const kind = req.method === "POST" ? "post" : req.url.includes(".data") ? "data" : "get";
      const k = byKind.get(kind) ?? { n: 0, ms: 0 };
      k.n++;
      k.ms += ans.ms;
      byKind.set(kind, k);
      return ans;
    };
    const check = (route: string, what: string, actor: Actor, expected: Expected, ans: Answer, note = "") => {
      slow.set(route, (slow.get(route) ?? 0) + ans.ms);
      const ok = expected === ans.outcome && ans.errors.length === 0 && !note;
      if (!ok)
        mismatches.push({ route, call: what, actor: actor.label, expected, got: `${describeAnswer(ans)}${note}` });
    };
    for (const r of MATRIX) {
      const id = routeId(r.route);
      const route = build.routes[id];
      if (!route) continue;
      const target = scene.targets[r.on];
      const url = fill(r.url);
      const page = !!route.module.default;
      // A document runs the loaders of the parent routes too: it answers as the strictest of them.
      const chain = [r, ...parentRows(route.parentId)];
      for (const actor of scene.actorsFor(r.on)) {
        if (r.loader) {
          const own = expectedAnswer(actor, target, r.loader);
          if (page && !r.layout) {
            const doc = strictest(chain.map((x) => expectedAnswer(actor, target, x.loader!)));
            check(r.route, "GET", actor, doc, await call(get(url, actor.cookie)));
            const data = await call(get(dataUrl(url, { routes: [id] }), actor.cookie));
            // The answer names the route it ran; without it `_routes` missed and nothing was checked.
            check(
              r.route,
              "GET .data",
              actor,
              own,
              data,
              data.location || data.text.includes(`"${id}"`) ? "" : "; the route's loader did not run",
            );
          } else if (page) {
            const data = await call(get(dataUrl(url, { routes: [id] }), actor.cookie));
            const ran = data.location || data.text.includes(`"${id}"`) ? "" : "; the route's loader did not run";
            check(r.route, "GET .data", actor, own, data, ran);
          } else {
            check(r.route, "GET", actor, own, await call(get(url, actor.cookie)));
          }
        }
        for (const [intent, need] of Object.entries(r.actions ?? {})) {
          const expected = expectedAnswer(actor, target, need);
          const fields = { ...(intent ? { intent } : {}), ...(r.fields?.[intent]?.(scene, actor) ?? {}) };
          const before: Digest = await watch.digest();
          const ans = await call(post(page ? dataUrl(url, { index: !!route.index }) : url, actor.cookie, fields));
          let note = "";
          if (REFUSED.includes(ans.outcome)) {
            const changed = await watch.changedSince(before);
            if (changed.length) note = `; refused, yet changed ${changed.join(", ")}`;
          } else {
            await r.restore?.(scene);
          }
          check(r.route, `POST ${intent || "(no intent)"}`, actor, expected, ans, note);
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const slowest = [...slow]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`);
    console.info(
      `authorization matrix: ${calls} requests in ${seconds.toFixed(1)} s; slowest routes: ${slowest.join(", ")}; ${watch.reads} digests; ${[...byKind].map(([k, v]) => `${k} ${v.n}×${(v.ms / v.n).toFixed(0)}ms`).join(", ")}`,
    );
    expect(
      mismatches.length,
      `${mismatches.length} of ${calls} answers differ from the policy:\n${table(mismatches)}\n`,
    ).toBe(0);
  }, 600_000);

  it("public capability routes answer the right key and refuse a wrong one, another bridge's or another conference's", async () => {
    const mismatches: Mismatch[] = [];
    for (const p of PUBLIC) {
      const before = await watch.digest();
      const ans = await handle(p.request(scene));
      let note = "";
      if (p.unchanged) {
        const allowed = p.unchanged === true ? [] : p.unchanged;
        const changed = (await watch.changedSince(before)).filter((t) => !allowed.includes(t));
        if (changed.length) note = `; changed ${changed.join(", ")}`;
      }
      if (!meets(p.expect, ans) || ans.errors.length || note) {
        mismatches.push({
          route: p.route,
          call: p.name,
          actor: "(key holder)",
          expected: String(p.expect),
          got: `${describeAnswer(ans)}${note}`,
        });
      }
    }
    expect(
      mismatches.length,
      `${mismatches.length} of ${PUBLIC.length} public checks failed:\n${table(mismatches)}\n`,
    ).toBe(0);
  });
});

function parentRows(parentId: string | undefined): Row[] {
  const out: Row[] = [];
  for (let id = parentId; id && id !== "root"; id = build.routes[id]?.parentId) {
    const parent = MATRIX.find((r) => routeId(r.route) === id);
    if (parent?.loader) out.push(parent);
  }
  return out;
}

/** The answer of a chain of loaders: a missing session first, then "does not exist", then "not allowed". */
function strictest(answers: Expected[]): Expected {
  for (const e of ["login", "404", "403"] as const) if (answers.includes(e)) return e;
  return "allowed";
}

function meets(expect: PublicExpect, ans: Answer): boolean {
  if (typeof expect === "number") return ans.status === expect;
  if (expect === "login") return ans.outcome === "login";
  if (expect === "ok") return ans.status < 400 && ans.outcome === "allowed";
  if (expect === "allowed") return ans.outcome === "allowed";
  // refused: a 4xx, or the check-in API's "rejected" answer
  if (ans.status >= 400 && ans.status < 500) return true;
  try {
    return (JSON.parse(ans.text) as { result?: string }).result === "rejected";
  } catch {
    return false;
  }
}

/**
 * The intents a route's source names: `intent === "x"`, `case "x":`, `intent: z.literal("x")`,
 * `name="intent" value="x"`, `set("intent", "x")`.
 */
async function intentsNamedBySource(route: string): Promise<string[]> {
  const fs = await import("node:fs");
  const path = await import("node:path");
  const base = path.resolve(import.meta.dirname, "../../app/routes", route);
  const file = [".tsx", ".ts"].map((ext) => base + ext).find((f) => fs.existsSync(f));
  if (!file) return [];
  const src = fs.readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const re of [
    /\bintent\b["')\s]*===\s*"([^"]+)"/g,
    /intent:\s*z\.literal\("([^"]+)"\)/g,
    /name="intent"\s+value="([^"]+)"/g,
    /set\("intent",\s*"([^"]+)"\)/g,
  ]) {
    for (const m of src.matchAll(re)) found.add(m[1]!);
  }
  // An intent switch: `switch (form.get("intent")) { case "create": … }`, its cases up to its closing brace.
  for (const m of src.matchAll(/switch\s*\([^)]*intent[^)]*\)+\s*\{/g)) {
    let depth = 1;
    let end = m.index + m[0].length;
    while (depth > 0 && end < src.length) depth += { "{": 1, "}": -1 }[src[end++]!] ?? 0;
    for (const c of src.slice(m.index, end).matchAll(/\bcase\s+"([^"]+)"\s*:/g)) found.add(c[1]!);
  }
  return [...found];
}
