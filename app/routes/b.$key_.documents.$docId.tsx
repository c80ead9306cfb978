import type { LoaderFunctionArgs } from "@remix-run/node";
import { bridgeIdByKey, bridgeLinkNotFound } from "#app/bridges/access.server.ts";
import { openDocument } from "#app/meeting-documents/audience.server.ts";
import { documentFileResponse } from "#app/meeting-documents/file-response.ts";

// A bridge point's operator opens a meeting document addressed to the bridge (or to everyone), and the
// opening is counted for the bridge. Any refusal is the same 404 as a bad operator link.
export async function loader({ params }: LoaderFunctionArgs) {
  const bridgePointId = await bridgeIdByKey(params.key);
  if (!bridgePointId) bridgeLinkNotFound();
  const file = await openDocument({ kind: "bridge", bridgePointId }, params.docId ?? "");
  if (!file) bridgeLinkNotFound();
  return documentFileResponse(file);
}
