// A bridge point's operator page (/b/:key) as the edge answers its first open (app/http/edge-page.server.ts):
// every commune's operator opens it when the test request goes out. The body is what React renders for
// app/routes/b.$key.tsx (app/components/bridges/: the facts, the line test before it runs, the result form
// before any answer, the history table) for a visitor who is not signed in; a cancelled conference is left
// to Remix. test/integration/edge-pages.test.ts compares it with Remix's render.
import { STEP_LABEL, STEPS } from "#app/bridges/connectivity-client.ts";
import { operatorBridgeByKey, operatorPageData, type OperatorPageData } from "#app/bridges/operator-page.server.ts";
import {
  CHECKLIST,
  checklistGaps,
  formatMbps,
  formatMs,
  formatPercent,
  LIMITS,
  READINESS_LABEL,
  type Readiness,
} from "#app/bridges/verdict.ts";
import { createEdgePage } from "#app/http/edge-page.server.ts";
import { reactEscape as e, reactTexts as t, type RemixBuildLike } from "#app/http/remix-document.server.ts";
import { publicDocumentsHtml } from "#app/meeting-documents/public-documents-html.server.ts";

const badge = (r: Readiness) => `<span class="badge readiness-${r.toLowerCase()}">${t(READINESS_LABEL[r])}</span>`;
const fact = (term: string, value: string | null) => (value ? `<dt>${term}</dt><dd>${t(value)}</dd>` : "");

// app/components/bridges/operator-facts.tsx
function factsHtml(data: OperatorPageData): string {
  const { bridge: b, conference: c } = data;
  return (
    `<section class="card" aria-labelledby="bridge-head"><h2 id="bridge-head">${t(b.name, " ")}${badge(b.readiness)}</h2>` +
    `<dl class="facts"><dt>Thời gian hội nghị</dt><dd>${t(c.when)}</dd>` +
    fact("Đơn vị chủ trì điểm cầu", b.host) +
    fact("Phòng họp", b.place) +
    `<dt>Đường dẫn họp trực tuyến</dt><dd>` +
    (b.videoLink
      ? `<a href="${e(b.videoLink)}" target="_blank" rel="noreferrer noopener">${t(b.videoLink)}</a>`
      : `<span class="muted">Cơ quan tổ chức chưa nhập</span>`) +
    `</dd><dt>Mật khẩu phòng họp</dt><dd>` +
    (b.videoPasscode ? `<span class="passcode">${t(b.videoPasscode)}</span>` : `<span class="muted">Không có</span>`) +
    `</dd>` +
    fact("Phụ trách kỹ thuật", b.contact) +
    `<dt>Buổi kiểm tra kết nối</dt><dd>${c.testAt ? t(c.testAt) : `<span class="muted">Chưa có lịch</span>`}` +
    (c.testNote ? `<div class="small">${t(c.testNote)}</div>` : "") +
    `</dd>` +
    fact("Liên hệ cơ quan tổ chức", c.contact) +
    fact("Xác nhận gần nhất", b.readinessAt) +
    `</dl><p class="hint">Mật khẩu chỉ dành cho điểm cầu này; không chuyển trang này cho người ngoài.</p>` +
    `<p><a class="button" data-discover="true" href="${e(`/b/${data.key}/roll-call`)}">Điểm danh đại biểu tại điểm cầu</a></p></section>`
  );
}

// app/components/bridges/connectivity-test.tsx before the test runs
const testHtml = () =>
  `<section class="card" aria-labelledby="test-head"><h2 id="test-head">1. Kiểm tra đường truyền</h2><p class="small muted">` +
  t(
    "Chạy trên máy tính dùng cho hội nghị, tại phòng họp. Mất khoảng 10 giây. Ngưỡng đạt: độ trễ không quá",
    " ",
    String(LIMITS.latencyMs),
    " ms, mất gói không quá ",
    String(LIMITS.lossPercent),
    " %, tải xuống từ ",
    String(LIMITS.downloadMbps),
    " Mbps, tải lên từ ",
    String(LIMITS.uploadMbps),
    " Mbps.",
  ) +
  `</p><div class="actions-row"><button type="button" class="primary">Bắt đầu kiểm tra</button></div>` +
  `<label for="test-progress" class="visually-hidden">Tiến độ kiểm tra</label>` +
  `<progress id="test-progress" class="test-progress" max="100" value="0" hidden=""></progress>` +
  `<ol class="test-steps" aria-label="Các bước kiểm tra">` +
  STEPS.map((s) => `<li data-state="waiting">${t(STEP_LABEL[s])}<span class="visually-hidden"> (chờ)</span></li>`).join(
    "",
  ) +
  `</ol><p aria-live="polite" class="small" role="status"></p></section>`;

// app/components/bridges/test-result-form.tsx before any answer, for a visitor who is not signed in
const formHtml = (key: string) =>
  `<section class="card" aria-labelledby="confirm-head"><h2 id="confirm-head">2. Thiết bị và kết luận</h2>` +
  `<form method="post" action="${e(`/b/${key}`)}" id="connectivity-test" novalidate="" data-discover="true">` +
  ["latencyMs", "jitterMs", "lossPercent", "downloadMbps", "uploadMbps"]
    .map((k) => `<input type="hidden" name="${k}" value=""/>`)
    .join("") +
  `<fieldset class="checklist"><legend>Thiết bị tại điểm cầu (đánh dấu mục đã kiểm tra đạt)</legend>` +
  CHECKLIST.map(([k, label]) => `<label><input type="checkbox" name="${k}"/><span>${t(label)}</span></label>`).join(
    "",
  ) +
  `</fieldset><div class="field  "><label for="connectivity-test-operatorName">Họ tên người kiểm tra</label>` +
  `<input id="connectivity-test-operatorName" name="operatorName" form="connectivity-test" type="text" autoComplete="name"/></div>` +
  `<div class="field  "><label for="connectivity-test-notes">Ghi chú (sự cố, việc cần khắc phục)</label>` +
  `<textarea id="connectivity-test-notes" name="notes" form="connectivity-test" rows="3"></textarea></div>` +
  `<fieldset class="verdict"><legend>Kết luận</legend>` +
  `<label><input type="radio" name="result" value="PASSED"/><span>Đạt: sẵn sàng kết nối</span></label>` +
  `<label><input type="radio" name="result" value="FAILED"/><span>Lỗi: cần khắc phục</span></label></fieldset>` +
  `<button type="submit" class="primary">Lưu kết quả</button></form></section>`;

// app/components/bridges/test-history.tsx
function historyHtml(data: OperatorPageData): string {
  if (!data.history.length) return `<p class="empty">Chưa có lần kiểm tra nào.</p>`;
  const cell = (label: string, html: string, num = false) =>
    `<td data-label="${label}"${num ? ` class="num"` : ""}>${html}</td>`;
  const rows = data.history.map((r) => {
    const gaps = checklistGaps(r);
    return (
      `<tr>${cell("Thời gian", t(r.when))}${cell("Kết quả", badge(r.result))}` +
      cell("Độ trễ", t(formatMs(r.latencyMs)), true) +
      cell("Dao động", t(formatMs(r.jitterMs)), true) +
      cell("Mất gói", t(formatPercent(r.lossPercent)), true) +
      cell("Tải xuống / lên", t(formatMbps(r.downloadMbps), " / ", formatMbps(r.uploadMbps)), true) +
      cell("Thiết bị chưa đạt", t(gaps.length ? gaps.join(", ") : "Không")) +
      cell("Người kiểm tra", t(r.operatorName) + (r.notes ? `<div class="muted small">${t(r.notes)}</div>` : "")) +
      `</tr>`
    );
  });
  const heads =
    ["Thời gian", "Kết quả"].map((h) => `<th scope="col">${h}</th>`).join("") +
    ["Độ trễ", "Dao động", "Mất gói", "Tải xuống / lên"].map((h) => `<th scope="col" class="num">${h}</th>`).join("") +
    ["Thiết bị chưa đạt", "Người kiểm tra, ghi chú"].map((h) => `<th scope="col">${h}</th>`).join("");
  return (
    `<div class="table-scroll"><table class="table bridge-history"><caption class="visually-hidden">${t(`Lịch sử kiểm tra ${data.bridge.name}`)}</caption>` +
    `<thead><tr>${heads}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The page before any answer; null for a cancelled conference (Remix renders it). */
export function operatorPageHtml(data: OperatorPageData): string | null {
  if (data.conference.cancelled || data.signedInAs) return null;
  return (
    `<div class="operator"><p class="muted small">${t(data.conference.organizer)}</p><h1>${t(data.conference.title)}</h1>` +
    factsHtml(data) +
    publicDocumentsHtml(`/b/${data.key}`, data.documents) +
    testHtml() +
    formHtml(data.key) +
    `<section aria-labelledby="history-head"><h2 id="history-head">Các lần kiểm tra trước</h2>${historyHtml(data)}</section></div>`
  );
}

export function operatorEdgePage(build: RemixBuildLike) {
  return createEdgePage(build, {
    routeId: "routes/b.$key",
    path: /^\/b\/([A-Za-z0-9_-]{16,64})$/,
    param: "key",
    async render(key) {
      const b = await operatorBridgeByKey(key);
      if (!b) return null;
      const data = await operatorPageData(b, key, null);
      const body = operatorPageHtml(data);
      return body ? { data, body } : null;
    },
  });
}
