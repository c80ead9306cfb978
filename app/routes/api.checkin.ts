import type { ActionFunctionArgs } from "@remix-run/node";
import { handleCheckinRequest } from "#app/checkin/api.server.ts";

// The production server answers this path itself (scripts/serve.js); this route serves the same API
// under `remix vite:dev` and any other adapter.
export async function action({ request }: ActionFunctionArgs) {
  return handleCheckinRequest(request);
}

// A resource route: a plain JSON Response, as the production server's own answer (data() would be
// serialized as its wrapper here).
export async function loader() {
  return Response.json({ error: "Chỉ nhận yêu cầu POST." }, { status: 405, headers: { allow: "POST" } });
}
