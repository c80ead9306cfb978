#!/usr/bin/env bash
# What the tests need on a fresh Debian machine, installed and started (run as root or with sudo):
#   chromium            browser tests (playwright-core drives Debian's build)
#   poppler-utils       pdftotext/pdftoppm for document tests
#   fonts-liberation2   Times-metric fonts with Vietnamese
#   postgresql          the PostgreSQL pass of the suite (npm run test:pg) and the multi-instance tests
#   nginx               the load balancer of the multi-instance tests (started by the tests themselves)
#   libreoffice-writer  opens every .docx the app produces and converts it to PDF (Word files test)
# Then starts PostgreSQL and makes the test role: hoinghi / hoinghi, allowed to create databases
# (each test file gets its own, cloned from a migrated template). Safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
as_postgres() { if [ -z "$SUDO" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
packages=(chromium poppler-utils fonts-liberation2 postgresql nginx libreoffice-writer)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  # nginx's package would start the system service on port 80; the tests run their own nginx instead.
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Start every PostgreSQL cluster that is down (a container has no init system to do it).
while read -r version cluster port status _; do
  [ "$status" = "online" ] || $SUDO pg_ctlcluster "$version" "$cluster" start
done < <(pg_lsclusters --no-header)

for _ in $(seq 1 30); do
  as_postgres psql -qtAc "SELECT 1" >/dev/null 2>&1 && break
  sleep 1
done
if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'hoinghi'")" != "1" ]; then
  as_postgres psql -qc "CREATE ROLE hoinghi LOGIN CREATEDB PASSWORD 'hoinghi'"
fi
echo "PostgreSQL: postgresql://hoinghi:hoinghi@127.0.0.1:5432/postgres (role with CREATEDB)"
