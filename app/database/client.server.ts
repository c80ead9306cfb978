import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { sqlitePath } from "../env.server.ts";
import { PrismaClient } from "../generated/prisma/client.ts";

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: `file:${sqlitePath(url)}` });
  return new PrismaClient({ adapter });
}
