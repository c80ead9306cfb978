import { describe, expect, it } from "vitest";
import { accountKey, addressKey } from "#app/auth/login.server.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "#app/auth/password.server.ts";

describe("sign-in throttling keys", () => {
  it("counts an account by its e-mail, whatever its case", () => {
    expect(accountKey(" Admin@HoiNghi.local ")).toBe("login:account:admin@hoinghi.local");
  });
  it("counts an IPv4 address as itself, also when written as IPv6", () => {
    expect(addressKey("203.0.113.9")).toBe("login:ip:203.0.113.9");
    expect(addressKey("::ffff:203.0.113.9")).toBe("login:ip:203.0.113.9");
  });
  it("counts IPv6 addresses per /64, which one client can hop across", () => {
    const key = "login:ip:2001:db8:1:2::/64";
    expect(addressKey("2001:db8:1:2::1")).toBe(key);
    expect(addressKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).toBe(key);
    expect(addressKey("2001:DB8:1:2:0:0:0:9")).toBe(key);
    expect(addressKey("2001:db8:1:3::1")).not.toBe(key);
    expect(addressKey("2001:db8::1")).toBe("login:ip:2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("login:ip:0:0:0:0::/64");
  });
});

describe("the dummy hash verified for unknown e-mails", () => {
  it("has the parameters of a real password hash, so it costs the same to verify", async () => {
    const params = (h: string) => h.split("$").slice(1, 4).join("$");
    expect(params(DUMMY_HASH)).toBe(params(await hashPassword("mot-mat-khau")));
    expect(params(DUMMY_HASH)).toBe("argon2id$v=19$m=19456,t=2,p=1");
  });
  it("is a valid hash that matches none of the usual guesses", async () => {
    for (const guess of ["", "hoinghi-demo", "password", "123456"])
      expect(await verifyPassword(DUMMY_HASH, guess)).toBe(false);
  });
});
