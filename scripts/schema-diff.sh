#!/usr/bin/env bash
# Prints the SQL that takes an empty database to the schema, using Prisma 6.19's WebAssembly schema
# engine (Prisma 7's native engine cannot be downloaded here).
#   scripts/schema-diff.sh                      SQLite, from prisma/schema.prisma (no database needed)
#   scripts/schema-diff.sh postgresql://…       PostgreSQL, from prisma/postgresql/schema.prisma (npm run
#                                               db:generate derives it); the engine connects to the server first
# Use it to write a new migration for each provider: diff its output against the concatenated existing
# migrations of that provider and keep the delta. Installs Prisma 6 into a cache folder outside the
# project on first use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${PRISMA6_CACHE:-$HOME/.cache/hoinghi-prisma6}
stub="$root/scripts/engine-stub.sh"
pg_url=${1:-}
if [ ! -x "$cache/node_modules/.bin/prisma" ] || [ ! -d "$cache/node_modules/@prisma/adapter-pg" ]; then
  mkdir -p "$cache"
  (cd "$cache" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --ignore-scripts prisma@6.19.3 \
    @prisma/adapter-better-sqlite3@6.19.3 @prisma/adapter-pg@6.19.3 >/dev/null)
  # The adapter's own better-sqlite3 is not compiled with --ignore-scripts; the
  # project's build has the same Node ABI and is enough for a diff.
  cp -r "$root/node_modules/better-sqlite3/build" "$cache/node_modules/@prisma/adapter-better-sqlite3/node_modules/better-sqlite3/" 2>/dev/null \
    || cp -r "$root/node_modules/better-sqlite3/build" "$cache/node_modules/better-sqlite3/"
fi
# Prisma 6 wants the url inside the datasource block and the classic generator.
if [ -n "$pg_url" ]; then
  sed -e 's|provider = "postgresql"|provider = "postgresql"\n  url = env("DIFF_DATABASE_URL")|' \
      -e 's|provider     = "prisma-client"|provider = "prisma-client-js"|' \
      -e '/moduleFormat/d' -e '/output /d' "$root/prisma/postgresql/schema.prisma" > "$cache/schema.prisma"
  cat > "$cache/prisma.config.ts" <<CFG
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  async adapter() { return new PrismaPg({ connectionString: process.env.DIFF_DATABASE_URL }); },
});
CFG
else
  sed -e 's|provider = "sqlite"|provider = "sqlite"\n  url = "file:'"$cache"'/diff.db"|' \
      -e 's|provider     = "prisma-client"|provider = "prisma-client-js"|' \
      -e '/moduleFormat/d' -e '/output /d' "$root/prisma/schema.prisma" > "$cache/schema.prisma"
  cat > "$cache/prisma.config.ts" <<CFG
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  async adapter() { return new PrismaBetterSQLite3({ url: "file:$cache/diff.db" }); },
});
CFG
fi
cd "$cache"
DIFF_DATABASE_URL="$pg_url" PRISMA_SCHEMA_ENGINE_BINARY="$stub" PRISMA_QUERY_ENGINE_LIBRARY="$stub" \
  npx --no-install prisma migrate diff --from-empty --to-schema-datamodel schema.prisma --script
