#!/bin/sh
# Stands in for Prisma's schema-engine binary, which cannot be downloaded here.
# Exits 1 so that any command that really needs the engine fails loudly.
echo "schema engine not available on this machine; use npm run db:migrate" >&2
exit 1
