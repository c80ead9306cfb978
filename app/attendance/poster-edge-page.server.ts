// The self check-in poster's page (/d/:key) as the edge answers its first open (app/http/edge-page.server.ts):
// everyone at a bridge point scans the poster within the same few minutes. The body is what React renders
// for app/routes/d.$key.tsx with the forms of app/components/public/self-checkin.tsx before any answer;
// a cancelled conference, a search (?q=) and every answer are left to Remix.
// test/integration/edge-pages.test.ts compares it with Remix's render.
import { posterPage, type PosterPageData } from "#app/attendance/poster-page.server.ts";
import { bridgeByPosterKey } from "#app/attendance/self-checkin.server.ts";
import { createEdgePage } from "#app/http/edge-page.server.ts";
import { reactEscape as e, reactTexts as t, type RemixBuildLike } from "#app/http/remix-document.server.ts";

/** The page before any answer; null for a cancelled conference or a search (Remix renders those). */
export function posterPageHtml(data: PosterPageData): string | null {
  if (data.conference.cancelled || data.q) return null;
  const action = e(`/d/${data.key}`);
  return (
    `<div class="selfcheck"><p class="eyebrow">Điểm danh trực tuyến</p><h1>${t(data.conference.title)}</h1>` +
    `<p class="bridge">${t(data.bridge.name)}</p>` +
    (data.conference.when ? `<p class="muted small">${t("Thời gian: ", data.conference.when)}</p>` : "") +
    `<h2>Nhập mã điểm danh trên giấy mời</h2>` +
    `<form method="post" action="${action}" novalidate="" data-discover="true"><input type="hidden" name="intent" value="code"/>` +
    `<div class="field "><label for="code">Mã điểm danh</label><input id="code" name="code" type="text" class="code-input" inputMode="text" autoComplete="off" autoCapitalize="characters" spellcheck="false" placeholder="VD: K7Q-M3X" aria-describedby="code-hint" maxLength="20" value=""/>` +
    `<p class="hint" id="code-hint">Mã gồm 6 ký tự, in dưới mã QR trong giấy mời và thư mời.</p></div>` +
    `<button type="submit" class="primary big">Tiếp tục</button></form><p class="or">hoặc</p>` +
    `<h2>Tìm theo họ tên</h2><form method="get" action="${action}" data-discover="true"><div class="field"><label for="q">Họ và tên của Đồng chí</label>` +
    `<input id="q" name="q" type="search" autoComplete="off" aria-describedby="q-hint" aria-controls="name-matches" value=""/>` +
    `<p class="hint" id="q-hint">Gõ ít nhất 3 chữ cái (có dấu hoặc không dấu); chỉ hiện đại biểu dự tại điểm cầu này.</p></div>` +
    `<noscript><button type="submit">Tìm</button></noscript></form><div id="name-matches" aria-live="polite"></div></div>`
  );
}

export function posterEdgePage(build: RemixBuildLike) {
  return createEdgePage(build, {
    routeId: "routes/d.$key",
    path: /^\/d\/([A-Za-z0-9_-]{16,64})$/,
    param: "key",
    async render(key) {
      const bridge = await bridgeByPosterKey(key);
      if (!bridge) return null;
      // No search, so no client address is asked for (the name search alone is throttled).
      const data = await posterPage(bridge, key, null, "");
      const body = posterPageHtml(data);
      return body ? { data, body } : null;
    },
  });
}
