import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { userActor } from "#app/database/audit.server.ts";
import { currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { replaceBands } from "#app/scoring/framework-editor.server.ts";
import { frameworkIntentSchema } from "#app/scoring/framework-forms.ts";
import { loadFramework } from "#app/scoring/frameworks.server.ts";

// The framework editor's classification bands with a floor on every area (ClassBand.minAreaPct): the
// form's schema refuses a floor above its band's threshold on that band's field, the write keeps the
// floors and records them in the audit text.

function bandsForm(rows: Array<[string, string, string]>): FormData {
  const fd = new FormData();
  fd.set("intent", "update-bands");
  rows.forEach(([name, minPct, minAreaPct], i) => {
    fd.set(`bands[${i}].name`, name);
    fd.set(`bands[${i}].minPct`, minPct);
    fd.set(`bands[${i}].minAreaPct`, minAreaPct);
  });
  return fd;
}

describe("framework bands with floors", () => {
  it("puts a floor above its band's threshold on that band's field and the other rules on the list", () => {
    const s = parseWithZod(
      bandsForm([
        ["Xuất sắc", "90", "95"],
        ["Tốt", "80", "abc"],
        ["Khá", "85", ""],
        ["Yếu", "0", ""],
      ]),
      { schema: frameworkIntentSchema },
    );
    expect(s.status).toBe("error");
    const errors = s.reply().error!;
    expect(errors["bands[1].minAreaPct"]).toEqual(["Mức tối thiểu mỗi lĩnh vực phải là số"]);
    // Type errors stop the framework's own rules; fix them and the rules speak.
    const s2 = parseWithZod(
      bandsForm([
        ["Xuất sắc", "90", "95"],
        ["Tốt", "80", "70"],
        ["Khá", "85", ""],
        ["Yếu", "0", ""],
      ]),
      { schema: frameworkIntentSchema },
    );
    const e2 = s2.reply().error!;
    expect(e2["bands[0].minAreaPct"]).toEqual([
      "Mức tối thiểu mỗi lĩnh vực của “Xuất sắc” (95%) không được cao hơn ngưỡng của chính mức đó (90%)",
    ]);
    expect(e2.bands).toEqual(["Ngưỡng của mức “Khá” phải thấp hơn ngưỡng của mức “Tốt”"]);
  });

  it("saves the floors, blank being none, and records them in the audit text", async () => {
    const noiVu = await currentUserByEmail("noivu.binhthuan@hoinghi.local");
    const f = await prisma.indexFramework.findFirstOrThrow({
      where: { organization: { name: "UBND tỉnh Bình Thuận" } },
      select: { id: true },
    });
    const s = parseWithZod(
      bandsForm([
        ["Xuất sắc", "90", "80"],
        ["Tốt", "80", "70"],
        ["Khá", "70", ""],
        ["Trung bình", "50", ""],
        ["Yếu", "0", ""],
      ]),
      { schema: frameworkIntentSchema },
    );
    if (s.status !== "success" || s.value.intent !== "update-bands") throw new Error("the form should pass");
    await replaceBands(userActor({ ...noiVu!, ip: "198.51.100.20" }), f.id, s.value);
    expect((await loadFramework(f.id))!.framework.bands).toEqual([
      { name: "Xuất sắc", minPct: 90, minAreaPct: 80 },
      { name: "Tốt", minPct: 80, minAreaPct: 70 },
      { name: "Khá", minPct: 70, minAreaPct: null },
      { name: "Trung bình", minPct: 50, minAreaPct: null },
      { name: "Yếu", minPct: 0, minAreaPct: null },
    ]);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: f.id, action: "framework.bands" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { changes: true },
    });
    const bands = (JSON.parse(event.changes) as Array<{ field: string; before: unknown; after: unknown }>).find(
      (c) => c.field === "bands",
    )!;
    expect(bands.before).toBe("Xuất sắc ≥ 90%; Tốt ≥ 80%; Khá ≥ 70%; Trung bình ≥ 50%; Yếu ≥ 0%");
    expect(bands.after).toBe(
      "Xuất sắc ≥ 90% (mỗi lĩnh vực ≥ 80%); Tốt ≥ 80% (mỗi lĩnh vực ≥ 70%); Khá ≥ 70%; Trung bình ≥ 50%; Yếu ≥ 0%",
    );
  });
});
