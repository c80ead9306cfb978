import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { bridgeActor } from "#app/audit/actors.server.ts";
import { getUser } from "#app/auth/session.server.ts";
import { connectivityTestSchema } from "#app/bridges/bridge-form.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { TestHistoryTable } from "#app/components/bridges/test-history.tsx";
import { operatorPageMeta } from "#app/bridges/operator-meta.ts";
import {
  operatorBridge,
  operatorPageData,
  saveOperatorTest,
  signedInOperator,
} from "#app/bridges/operator-page.server.ts";
import { ConnectivityTestSection, useConnectivityTest } from "#app/components/bridges/connectivity-test.tsx";
import { OperatorFacts } from "#app/components/bridges/operator-facts.tsx";
import { TestResultForm, useTestResultForm } from "#app/components/bridges/test-result-form.tsx";
import { reply } from "#app/http/reply.server.ts";
import { PublicDocuments } from "#app/components/meeting-documents/public-documents.tsx";
import documentsCss from "#app/meeting-documents/meeting-documents.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: bridgesCss },
  { rel: "stylesheet", href: documentsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  operatorPageMeta(`${data?.bridge.name ?? "Điểm cầu"} · Kiểm tra kết nối`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const b = await operatorBridge(params.key);
  const operator = await signedInOperator(await getUser(request), b);
  return operatorPageData(b, params.key!, operator);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const b = await operatorBridge(params.key);
  const submission = parseWithZod(await request.formData(), { schema: connectivityTestSchema });
  if (submission.status !== "success")
    return reply({ intent: "test" as const, result: submission.reply(), saved: null }, 400);
  const operator = await signedInOperator(await getUser(request), b);
  const saved = await saveOperatorTest(bridgeActor(b, request, operator), b, submission.value, {
    operator,
    userAgent: request.headers.get("User-Agent") ?? "",
  });
  return reply({ intent: "test" as const, result: submission.reply({ resetForm: true }), saved });
}

export default function OperatorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const test = useConnectivityTest(data.key);
  const form = useTestResultForm(navigation.state === "idle" ? actionData?.result : undefined, data.signedInAs ?? "");
  const saved = actionData?.saved ?? null;
  const { reset } = test;
  // After a save the page starts over for the next test.
  useEffect(() => {
    if (saved && navigation.state === "idle") reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per save, not when `reset` is re-created
  }, [saved, navigation.state]);

  return (
    <div className="operator">
      <p className="muted small">{data.conference.organizer}</p>
      <h1>{data.conference.title}</h1>
      {data.conference.cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã hủy.
        </p>
      ) : null}
      <OperatorFacts data={data} />
      <PublicDocuments base={`/b/${data.key}`} documents={data.documents} />
      {saved ? (
        <p role="status" className={saved.verdict === "PASSED" ? "rsvp-done" : "problems"}>
          Đã lưu kết quả kiểm tra: {saved.verdict === "PASSED" ? "đạt" : "lỗi"}. Cơ quan tổ chức đã thấy kết quả trên
          bảng theo dõi.
        </p>
      ) : null}
      <ConnectivityTestSection test={test} />
      <section className="card" aria-labelledby="confirm-head">
        <h2 id="confirm-head">2. Thiết bị và kết luận</h2>
        <TestResultForm
          key={saved?.savedAt ?? 0}
          form={form}
          figures={test.figures}
          busy={test.running || navigation.state !== "idle"}
        />
      </section>
      <section aria-labelledby="history-head">
        <h2 id="history-head">Các lần kiểm tra trước</h2>
        <TestHistoryTable rows={data.history} caption={`Lịch sử kiểm tra ${data.bridge.name}`} />
      </section>
    </div>
  );
}
