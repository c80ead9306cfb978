// The invitation page (/i/:token) as the edge answers its first open (app/http/edge-page.server.ts).
import { createEdgePage } from "#app/http/edge-page.server.ts";
import type { RemixBuildLike } from "#app/http/remix-document.server.ts";
import { invitationPageHtml } from "#app/invitations/invitation-page-html.server.ts";
import { invitationPage } from "#app/invitations/invitation-page.server.ts";

export function invitationEdgePage(build: RemixBuildLike) {
  return createEdgePage(build, {
    routeId: "routes/i.$token._index",
    // Signed tokens are base64url with one dot (tokens.server.ts); anything else is Remix's to refuse.
    path: /^\/i\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/,
    param: "token",
    async render(token) {
      const data = await invitationPage(token);
      const body = data && invitationPageHtml(data);
      return data && body ? { data, body } : null;
    },
  });
}
