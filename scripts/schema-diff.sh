#!/usr/bin/env bash
# Prints the SQL that takes an empty database to prisma/schema.prisma, using
# Prisma 6.19's WebAssembly schema engine (Prisma 7's native engine cannot be
# downloaded here). Use it to write a new prisma/migrations/<stamp>_<name>/migration.sql:
# diff its output against the concatenated existing migrations and keep the delta.
# Installs Prisma 6 into a cache folder outside the project on first use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${PRISMA6_CACHE:-$HOME/.cache/hoinghi-prisma6}
stub="$root/scripts/engine-stub.sh"
if [ ! -x "$cache/node_modules/.bin/prisma" ]; then
  mkdir -p "$cache"
  (cd "$cache" && npm init -y >/dev/null && npm install --ignore-scripts prisma@6.19.3 @prisma/adapter-better-sqlite3@6.19.3 >/dev/null)
  # The adapter's own better-sqlite3 is not compiled with --ignore-scripts; the
  # project's build has the same Node ABI and is enough for a diff.
  cp -r "$root/node_modules/better-sqlite3/build" "$cache/node_modules/@prisma/adapter-better-sqlite3/node_modules/better-sqlite3/" 2>/dev/null \
    || cp -r "$root/node_modules/better-sqlite3/build" "$cache/node_modules/better-sqlite3/"
fi
# Prisma 6 wants the url inside the datasource block and the classic generator.
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
cd "$cache"
PRISMA_SCHEMA_ENGINE_BINARY="$stub" PRISMA_QUERY_ENGINE_LIBRARY="$stub" \
  npx --no-install prisma migrate diff --from-empty --to-schema-datamodel schema.prisma --script
