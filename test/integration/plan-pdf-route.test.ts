// /conferences/:id/plan.pdf: signed-in users of the issuing organisation (or
// above it) get the plan as a PDF; anyone else gets a 404, the signed-out a login.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, describe, expect, it } from "vitest";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { loader } from "#app/routes/conferences.$id.plan[.pdf].tsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-plan-route-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The session cookie of a demo user, as the login action sets it. */
async function cookieOf(email: string): Promise<string> {
  const user = await currentUserByEmail(email);
  if (!user) throw new Error(`no demo user ${email}`);
  const res = await createUserSession(user.id, "/conferences");
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

async function get(id: string, cookie?: string): Promise<Response> {
  const url = `http://localhost/conferences/${id}/plan.pdf`;
  const request = new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    return await loader({ request, params: { id }, context: {} } as LoaderFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const quangNamPlan = () =>
  prisma.conference.findFirstOrThrow({
    where: { documentNumber: "71", issuePlace: "Quảng Nam" },
    select: { id: true },
  });

describe("plan PDF route", () => {
  it("gives the issuing organisation's staff the plan as an inline PDF", async () => {
    const { id } = await quangNamPlan();
    const res = await get(id, await cookieOf("vanphong.quangnam@hoinghi.local"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toBe('inline; filename="ke-hoach.pdf"');
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(res.headers.get("Content-Length")).toBe(String(pdf.length));
    const file = path.join(dir, "ke-hoach.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
      .normalize("NFC")
      .replace(/\s+/g, " ");
    for (const part of [
      "Số: 71/KH-UBND",
      "Quảng Nam, ngày 04 tháng 01 năm 2024",
      "KẾ HOẠCH",
      "III. PHÂN CÔNG THỰC HIỆN",
      "Hồ Quang Bửu",
    ]) {
      expect(text).toContain(part);
    }
  });

  it("answers 404 to another organisation and for an unknown plan, and sends the signed-out to the login", async () => {
    const { id } = await quangNamPlan();
    const tamDuong = await cookieOf("vanphong.tamduong@hoinghi.local");
    expect((await get(id, tamDuong)).status).toBe(404);
    expect((await get("khong-ton-tai", tamDuong)).status).toBe(404);
    const signedOut = await get(id);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/conferences/${id}/plan.pdf`)}`,
    );
  });
});
