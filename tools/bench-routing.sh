#!/usr/bin/env bash
# Routing benchmarks: graph build, recommendation latency, and the same one-to-many query in pgRouting side by side.
# usage: tools/bench-routing.sh   (needs ../shared/data/osm/baltimore.osm.pbf and Debian's postgresql-15 with
# postgresql-15-postgis-3 and postgresql-15-pgrouting; starts a private PostgreSQL on a free loopback port)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
cli="$root/tools/EmergencyLink.Cli/bin/Release/net10.0/EmergencyLink.Cli.dll"
dotnet build -c Release "$root/tools/EmergencyLink.Cli" -v q -nologo >/dev/null
dotnet "$cli" map import "$root/../shared/data/osm/baltimore.osm.pbf" --out "$work/baltimore" >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir "$work/pg"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg"
as_pg "$bin/initdb" -D "$work/pg/data" -A trust -U postgres --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/log" -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
trap 'as_pg "$bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
pg="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Command Timeout=600"

echo "== $(date -u +%Y-%m-%dT%H:%MZ) demo region (Calder Bay), 24 units"
dotnet "$cli" bench-routing --map "$root/maps/demo" --units 24 --queries 3000 --pg "$pg"
echo "== East Baltimore (OSM import), 50 units"
dotnet "$cli" bench-routing --map "$work/baltimore" --units 50 --queries 3000 --pg "$pg"
echo "== generated grid city 500 x 500 (250,000 nodes), 500 units"
# pgRouting takes tens of seconds per query on this graph (it reads the million-edge table every time), so fewer rounds.
dotnet "$cli" bench-routing --grid 500 --units 500 --queries 2000 --pg "$pg" --pg-rounds 5
