import { describe, expect, it } from "vitest";
import { checkedAddress, escapeHtml, escapeHtmlLines, headerText, safeHref } from "#app/mailing/escape.ts";

describe("escaping for invitation e-mails", () => {
  it("escapes the five HTML metacharacters", () => {
    expect(escapeHtml(`<script>alert('x')</script> & "Nguyễn"`)).toBe(
      "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Nguyễn&quot;",
    );
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtmlLines("a<b\r\nc\nd")).toBe("a&lt;b<br>\nc<br>\nd");
  });

  it("makes header values one line", () => {
    expect(headerText("Nguyễn Văn A\r\nBcc: evil@x")).toBe("Nguyễn Văn A Bcc: evil@x");
    expect(headerText("a\u2028b\u0000c\td\u0085e")).toBe("a b c d e");
    expect(headerText("  UBND   tỉnh  ")).toBe("UBND tỉnh");
  });

  it("lets only http(s) and mailto links through", () => {
    expect(safeHref("https://hoinghi.example/i/abc")).toBe("https://hoinghi.example/i/abc");
    expect(safeHref("mailto:a@b.vn")).toBe("mailto:a@b.vn");
    expect(safeHref("javascript:alert(1)")).toBe("#");
    expect(safeHref(" JavaScript:alert(1)")).toBe("#");
    expect(safeHref("data:text/html,<b>")).toBe("#");
    expect(safeHref('https://x/"onmouseover=')).toBe("#");
    expect(safeHref(null)).toBe("#");
  });

  it("accepts bare addresses only", () => {
    expect(checkedAddress(" anh.nt@quangnam.gov.vn ")).toBe("anh.nt@quangnam.gov.vn");
    for (const bad of ["", "a", "a@b@c", "a@x.vn\r\nBcc: e@x", "a@x.vn, b@y.vn", "A <a@x.vn>", "a b@x.vn"]) {
      expect(() => checkedAddress(bad), bad).toThrow();
    }
  });
});
