// The list benchmark's reference (issue 15): a page of the same size as the conference list, served by
// the same build through the same layout, root loader and sign-in check, but with no query and nothing
// to compute, so bench/run.ts can say how much of the list page's time is the page's own work.
// Only with BENCH_REFERENCE_ROUTE=true; otherwise a 404 like any unknown page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "#app/auth/guard.server.ts";
import { requireUser } from "#app/auth/session.server.ts";
import { env } from "#app/env.server.ts";

export const meta: MetaFunction = () => [{ title: "Trang đối chứng · Hội nghị CCHC" }];

const MAX_BYTES = 1_000_000;
// ASCII, so characters and bytes are the same count; repeated per request, so a server that never serves
// this page holds none of it.
const SENTENCE = "Trang doi chung cho phep do hieu nang. ";

export async function loader({ request }: LoaderFunctionArgs) {
  if (env().BENCH_REFERENCE_ROUTE !== "true") notFound();
  await requireUser(request);
  const bytes = Number(new URL(request.url).searchParams.get("bytes") ?? 0);
  return { bytes: Number.isInteger(bytes) && bytes > 0 ? Math.min(bytes, MAX_BYTES) : 0 };
}

export default function BenchReference() {
  const { bytes } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Trang đối chứng</h1>
      <p>{SENTENCE.repeat(Math.ceil(bytes / SENTENCE.length)).slice(0, bytes)}</p>
    </main>
  );
}
