#!/usr/bin/env bash
# Cross-node live fan-out overhead: the vehicle-link fleet benchmark (bench-link fleet) against a cluster of NODES
# server processes on this machine, every gateway and every ED screen connected to the first node. With one node this
# is the single-server figure; with more, the case grains spread over the silos: a grain on another node reaches its
# screen on node 1 through the fan-out, and every change of node 1's grains is also forwarded to the other nodes
# (which have no screens: pure overhead). Nodes form an Orleans development cluster (Orleans:PrimarySiloPort) on one
# SQLite file, as they would on one machine; they share its two cores with the load generator. With --redis-pg they
# form a real cluster instead: Redis membership and all state on one PostgreSQL (tools/local-infra.sh), as in
# production. Settings in the environment reach every node, e.g. Live__Fanout__FullRateToEveryNode=true.
# usage: tools/bench-fanout.sh [--redis-pg] NODES [VEHICLES=50] [SECONDS=30]
set -euo pipefail
real=false
[ "${1:-}" = "--redis-pg" ] && { real=true; shift; }
nodes=${1:?number of nodes}
vehicles=${2:-50}
seconds=${3:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tools/local-infra.sh"
dir=$(mktemp -d)
chmod 755 "$dir"
cli="$root/tools/EmergencyLink.Cli/bin/Release/net10.0/EmergencyLink.Cli.dll"
dotnet build -c Release "$root/src/EmergencyLink.Server" -v q -nologo >/dev/null
dotnet build -c Release "$root/tools/EmergencyLink.Cli" -v q -nologo >/dev/null
dotnet "$cli" bench-link map --from "$root/maps/demo" --vehicles "$vehicles" --out "$dir/map" >/dev/null
pids=()
infra=()
trap 'for p in "${pids[@]}" "${infra[@]}"; do kill -9 "$p" 2>/dev/null || true; done; infra_stop "$dir"; rm -rf "$dir"' EXIT
$real && { infra_start "$dir"; infra=("${infra_pids[@]}"); }
primary=""
urls=()
for n in $(seq 1 "$nodes"); do
  mkdir -p "$dir/node$n"
  http=$(infra_free_port); silo=$(infra_free_port); gateway=$(infra_free_port)
  extra=()
  [ -n "$primary" ] && ! $real && extra=(Orleans__PrimarySiloPort="$primary")
  env HOME="$dir/node$n" ASPNETCORE_ENVIRONMENT=Development Observability__Dashboard=${Observability__Dashboard:-false} Demo__Enabled=false Storage__Path="$dir/node$n/bench.db" Map__Path="$dir/map" \
    Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" Logging__LogLevel__Default=Warning "${extra[@]}" \
    dotnet "$root/src/EmergencyLink.Server/bin/Release/net10.0/EmergencyLink.Server.dll" --urls "http://127.0.0.1:$http" \
    >"$dir/server$n.log" 2>&1 &
  pids+=($!)
  [ -z "$primary" ] && primary=$silo
  urls+=("http://127.0.0.1:$http")
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$http/healthz" >/dev/null || { echo "node $n did not start:" >&2; tail -20 "$dir/server$n.log" >&2; exit 1; }
done
if $real; then
  for url in "${urls[@]}"; do
    for _ in $(seq 1 300); do curl -sf "$url/readyz" | grep -q "\"activeSilos\":$nodes" && break; sleep 0.2; done
  done
fi
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=(); for p in "${pids[@]}"; do before+=("$(cpu "$p")"); done
start=$(date +%s.%N)
echo "== $(date -u +%Y-%m-%dT%H:%MZ) bench-fanout $nodes nodes ($($real && echo "Redis + PostgreSQL" || echo "development clustering, SQLite")), $vehicles vehicles, $seconds s, full rate to every node: ${Live__Fanout__FullRateToEveryNode:-false}"
dotnet "$cli" bench-link fleet --url "${urls[0]}" --vehicles "$vehicles" --seconds "$seconds" --server-pid "${pids[0]}" \
  --storage-path "$dir/node1/bench.db"
status=$?
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
ticks=$(getconf CLK_TCK)
for i in "${!pids[@]}"; do
  echo "node $((i + 1)) CPU over the whole run (warm-up and drain included): $(echo "scale=2; ($(cpu "${pids[$i]}") - ${before[$i]}) / $ticks / $elapsed" | bc) cores"
done
for n in $(seq 1 "$nodes"); do grep -i "dropped\|lost" "$dir/server$n.log" | head -3 || true; done
exit $status
