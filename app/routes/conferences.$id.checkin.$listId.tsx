// The phone scanner of one check-in list. Its state machine (online API, offline queue, replays,
// counter polling) is app/checkin/scanner/use-scanner.ts; its parts are components beside it.

import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { requireConference } from "#app/auth/guard.server.ts";
import { requestSessionId } from "#app/checkin/credential.server.ts";
import { checkinScope, usableList } from "#app/checkin/lists.server.ts";
import { CameraView } from "#app/checkin/scanner/camera-view.tsx";
import { DeviceName } from "#app/checkin/scanner/device-name.tsx";
import { ManualCode } from "#app/checkin/scanner/manual-code.tsx";
import { NameSearch } from "#app/checkin/scanner/name-search.tsx";
import { ResultPanel } from "#app/checkin/scanner/result-panel.tsx";
import scannerStyles from "#app/checkin/scanner/scanner.css?url";
import { StatusBanners } from "#app/checkin/scanner/status-banners.tsx";
import { useCamera } from "#app/checkin/scanner/use-camera.ts";
import { useDevice } from "#app/checkin/scanner/use-device.ts";
import { useScanner } from "#app/checkin/scanner/use-scanner.ts";
import { WalkIn } from "#app/checkin/scanner/walk-in.tsx";
import { walkInSchema } from "#app/checkin/scanner/walk-in-form.ts";
import { scannerPage } from "#app/checkin/scanner-page.server.ts";
import { registerWalkIn } from "#app/checkin/walk-in.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { userActor } from "#app/database/audit.server.ts";
import { reply } from "#app/http/reply.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scannerStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Quét mã: ${data?.list.name ?? ""} · Hội nghị CCHC` },
];

// On a phone at the door: no conference navigation, just the way back to the lists.
export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> & { conferenceNav: false } = {
  breadcrumb: (data, match) => [
    { label: "Điểm danh", to: `/conferences/${match.params.id}/checkin` },
    { label: data ? `Máy quét: ${data.list.name}` : "Máy quét" },
  ],
  conferenceNav: false,
};

// The page holds a scanner credential: never cached, and not re-run after a walk-in (counts are polled).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });
export const shouldRevalidate = () => false;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const guarded = await requireConference(request, params.id, "attendance.take");
  const access = await checkinScope(guarded);
  const list = await usableList(access, params.listId ?? "");
  // The credential is bound to this sign-in session: logging out ends it (scanner-auth.server.ts).
  const sessionId = await requestSessionId(request);
  if (!sessionId) throw new Response("Phiên đăng nhập không hợp lệ: hãy đăng nhập lại.", { status: 401 });
  return scannerPage(access, list, { userId: guarded.user.id, sessionId });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Walk-in registration: an attendee created at this list's place (a bridge operator: their bridge).
  const guarded = await requireConference(request, params.id, "attendance.take");
  const access = await checkinScope(guarded);
  const list = await usableList(access, params.listId ?? "");
  const submission = parseWithZod(await request.formData(), { schema: walkInSchema });
  if (submission.status !== "success") return reply({ result: submission.reply() }, 400);
  const outcome = await registerWalkIn({
    conferenceId: access.conference.id,
    list,
    values: submission.value,
    userId: guarded.user.id,
    actor: userActor(guarded.user),
  });
  if (!outcome.ok) {
    const refused =
      outcome.field === "form"
        ? submission.reply({ formErrors: [outcome.message] })
        : submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } });
    return reply({ result: refused }, 400);
  }
  return reply({ result: submission.reply({ resetForm: true }), checkin: outcome.response });
}

export default function Scanner() {
  const data = useLoaderData<typeof loader>();
  const scanner = useScanner({
    conferenceId: data.conference.id,
    listId: data.list.id,
    listName: data.list.name,
    credential: data.credential,
    keys: data.keys,
    counts: data.counts,
  });
  const { camera, videoRef, open, stop } = useCamera(scanner.handleCode);
  const [device, renameDevice] = useDevice();
  const walkIn = useFetcher<typeof action>();

  return (
    <div className="scanner">
      <h1>{data.list.name}</h1>
      <p className="scanner-sub">
        {data.list.bridgePointName ? `Trực tuyến tại ${data.list.bridgePointName} · ` : ""}
        {data.conference.title}
      </p>
      <StatusBanners
        base={scanner.base}
        authExpired={scanner.authExpired}
        offline={scanner.offline}
        queued={scanner.queued}
        syncNote={scanner.syncNote}
        cancelled={data.conference.cancelled}
      />
      <ResultPanel shown={scanner.shown} />
      <CameraView
        camera={camera}
        videoRef={videoRef}
        onOpen={() => void open()}
        onStop={stop}
        counts={scanner.counts}
        offline={scanner.offline}
      />
      <ManualCode onCode={scanner.submitCode} />
      <NameSearch base={scanner.base} offline={scanner.offline} onCheckIn={scanner.checkInAttendee} />
      <WalkIn
        fetcher={walkIn}
        action={scanner.base}
        offline={scanner.offline}
        deviceId={device.id}
        groups={data.groups}
        onCheckedIn={scanner.showCheckin}
      />
      <DeviceName device={device} onSave={renameDevice} />
    </div>
  );
}
