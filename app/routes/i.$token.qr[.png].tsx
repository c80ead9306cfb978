import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendeeByToken, invitationLinkNotFound } from "#app/invitations/invitation-record.server.ts";
import { qrPng } from "#app/invitations/qr.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a || a.revokedAt) invitationLinkNotFound();
  return new Response(new Uint8Array(await qrPng(a.token)), {
    headers: { "Content-Type": "image/png", "Cache-Control": "private, max-age=3600" },
  });
}
