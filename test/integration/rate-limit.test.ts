// The attempt counter behind sign-in throttling: counted before the check it guards, blocking
// once the limit is used up, starting afresh when the window or the block has run out.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { blockKey, giveBackAttempt, takeAttempt, type RateRule } from "#app/database/rate-limit.server.ts";

const MINUTE = 60_000;
const rule: RateRule = { limit: 3, windowMs: 10 * MINUTE, blockMs: 5 * MINUTE };
const t0 = new Date("2026-12-01T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

beforeEach(async () => {
  await prisma.rateLimit.deleteMany();
});

describe("takeAttempt", () => {
  it("lets `limit` attempts through, then blocks for blockMs without counting further", async () => {
    let blocks = 0;
    const onBlock = async () => {
      blocks++;
    };
    for (let i = 1; i <= 3; i++)
      expect(await takeAttempt("k", rule, { now: at(0), onBlock })).toEqual({ allowed: true, waitMs: 0, count: i });
    expect(await takeAttempt("k", rule, { now: at(1), onBlock })).toMatchObject({ allowed: false, waitMs: 5 * MINUTE });
    expect(await takeAttempt("k", rule, { now: at(2), onBlock })).toMatchObject({ allowed: false, waitMs: 4 * MINUTE });
    expect(blocks).toBe(1);
    // Once the block has run out, a new window begins.
    expect(await takeAttempt("k", rule, { now: at(6), onBlock })).toEqual({ allowed: true, waitMs: 0, count: 1 });
  });

  it("starts a new window when the old one has passed", async () => {
    await takeAttempt("k", rule, { now: at(0) });
    await takeAttempt("k", rule, { now: at(1) });
    expect(await takeAttempt("k", rule, { now: at(11) })).toMatchObject({ allowed: true, count: 1 });
  });

  it("gives back a successful attempt, but never below zero nor out of a block", async () => {
    await takeAttempt("k", rule, { now: at(0) });
    await giveBackAttempt("k");
    await giveBackAttempt("k");
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: "k" } })).count).toBe(0);
    await blockKey("k", rule, { now: at(1) });
    await giveBackAttempt("k");
    expect(await takeAttempt("k", rule, { now: at(2) })).toMatchObject({ allowed: false, waitMs: 4 * MINUTE });
  });

  it("forgets keys whose window and block ended more than a day ago", async () => {
    await takeAttempt("old", rule, { now: at(0) });
    await blockKey("still-blocked", { ...rule, blockMs: 48 * 60 * MINUTE }, { now: at(0) });
    await takeAttempt("new", rule, { now: at(25 * 60) });
    const keys = (await prisma.rateLimit.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map(
      (r) => r.key,
    );
    expect(keys).toEqual(["new", "still-blocked"]);
  });
});
