// Signing in with e-mail and password, throttled per account and per client address, answering
// an unknown e-mail exactly as a wrong password (same message, same argon2 work), and recording
// successful sign-ins and lockouts in the audit trail.
import { isIPv6 } from "node:net";
import { recordAudit, userActor, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import {
  blockKey,
  clearFailures,
  giveBackAttempt,
  takeAttempt,
  waitText,
  type RateRule,
} from "#app/database/rate-limit.server.ts";
import { DUMMY_HASH, verifyPassword } from "#app/auth/password.server.ts";

const MINUTE = 60_000;

/** Five wrong passwords for one account within 15 minutes block that account for 15 minutes. */
export const ACCOUNT_RULE: RateRule = { limit: 5, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
/** Twenty failed sign-ins from one address within 15 minutes block that address for 15 minutes. */
export const IP_RULE: RateRule = { limit: 20, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };

export const WRONG_CREDENTIALS = "Thư điện tử hoặc mật khẩu không đúng";

export function tooManyAttemptsMessage(waitMs: number): string {
  return `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${waitText(waitMs)}.`;
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  organizationId: string;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 429; message: string; retryAfterMs: number };

export function accountKey(email: string): string {
  return `login:account:${email.trim().toLowerCase()}`;
}

/**
 * The throttling key of a client address. An IPv6 client usually holds a whole /64 and can hop
 * between its addresses at will, so IPv6 addresses are counted per /64.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return `login:ip:${mapped[1]}`;
  if (!isIPv6(ip)) return `login:ip:${ip}`;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `login:ip:${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

function lockoutActor(ip: string | null): AuditActor {
  return { kind: "SYSTEM", userId: null, label: "Hệ thống (giới hạn đăng nhập)", ip };
}

/**
 * Checks an e-mail and password. `ip` is the client address as the production server saw it
 * (null outside it, e.g. under `npm run dev`: then only the per-account limit applies).
 */
export async function signIn(emailInput: string, password: string, ip: string | null): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const account = accountKey(email);
  const address = ip ? addressKey(ip) : null;

  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      organizationId: true,
      active: true,
      password: { select: { hash: true } },
    },
  });

  const lockout =
    (kind: "account" | "address"): ((tx: Prisma.TransactionClient, until: Date) => Promise<void>) =>
    async (tx, until) => {
      if (kind === "account" && user) {
        await recordAudit(tx, lockoutActor(ip), {
          action: "auth.lockout",
          entity: "User",
          entityId: user.id,
          summary: `Tạm khóa đăng nhập tài khoản ${user.email} trong ${waitText(ACCOUNT_RULE.blockMs)} vì nhập sai mật khẩu ${ACCOUNT_RULE.limit} lần`,
          after: { blockedUntil: until },
          organizationId: user.organizationId,
        });
      } else {
        // An e-mail with no account, or an address: no user to file it under.
        const key = kind === "account" ? account : address!;
        await recordAudit(tx, lockoutActor(ip), {
          action: "auth.lockout",
          entity: "RateLimit",
          entityId: key,
          summary:
            kind === "account"
              ? `Tạm chặn đăng nhập bằng địa chỉ ${email} (không có tài khoản) trong ${waitText(ACCOUNT_RULE.blockMs)} sau ${ACCOUNT_RULE.limit} lần thử`
              : `Tạm chặn đăng nhập từ địa chỉ IP ${ip} trong ${waitText(IP_RULE.blockMs)} sau ${IP_RULE.limit} lần đăng nhập sai`,
          after: { blockedUntil: until },
        });
      }
    };

  // The address first: a blocked address must not use up the account's attempts.
  let addressCount = 0;
  if (address) {
    const attempt = await takeAttempt(address, IP_RULE, { onBlock: lockout("address") });
    if (!attempt.allowed) return refuse(attempt.waitMs);
    addressCount = attempt.count;
  }
  const attempt = await takeAttempt(account, ACCOUNT_RULE, { onBlock: lockout("account") });
  if (!attempt.allowed) {
    if (address) await giveBackAttempt(address);
    return refuse(attempt.waitMs);
  }

  // Always one argon2 verification, against the dummy hash when there is nothing real to check,
  // so that the answer takes as long whether or not the e-mail has an account.
  const verified = await verifyPassword(user?.password?.hash ?? DUMMY_HASH, password);
  if (user && user.active && user.password && verified) {
    await clearFailures(account);
    if (address) await giveBackAttempt(address);
    return { ok: true, user: { id: user.id, name: user.name, email: user.email, organizationId: user.organizationId } };
  }

  // The failure that reaches a limit blocks at once (and says so), rather than the attempt after it.
  let waitMs = 0;
  if (attempt.count >= ACCOUNT_RULE.limit)
    waitMs = await blockKey(account, ACCOUNT_RULE, { onBlock: lockout("account") });
  if (address && addressCount >= IP_RULE.limit) {
    waitMs = Math.max(waitMs, await blockKey(address, IP_RULE, { onBlock: lockout("address") }));
  }
  return waitMs > 0 ? refuse(waitMs) : { ok: false, status: 400, message: WRONG_CREDENTIALS };
}

function refuse(waitMs: number): SignInResult {
  return { ok: false, status: 429, message: tooManyAttemptsMessage(waitMs), retryAfterMs: waitMs };
}

/** Records a successful sign-in; run inside the transaction that creates the session. */
export async function recordSignIn(tx: Prisma.TransactionClient, user: SignedInUser, ip: string | null): Promise<void> {
  await recordAudit(tx, userActor({ ...user, ip }), {
    action: "auth.login",
    entity: "User",
    entityId: user.id,
    summary: `Đăng nhập: ${user.email}`,
    organizationId: user.organizationId,
  });
}
