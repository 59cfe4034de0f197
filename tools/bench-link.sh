#!/usr/bin/env bash
# Vehicle-link benchmark: starts a Release server seeded with a fleet of N (the demo region, N ambulances), then
# EmergencyLink.Cli bench-link in another process: N gateways streaming vitals and ECG (the first V also video) to
# N ED screens, one per case, for S seconds; or, with "profile", one 5-minute transport through the link emulator.
# usage: tools/bench-link.sh fleet N [S=60] [V=0] [VIDEO_KBPS=4000] [GATEWAY=raw|outbox] [--peer]
#        tools/bench-link.sh profile 5g|4g|degraded [S=300]
# --peer runs the same load generator against the peer relay (EmergencyLink.Cli bench-link-peer: a bare Kestrel +
# SignalR hub, MessagePack, that relays each upload to its screen and acknowledges it) instead of the server.
# SERVER_TREE=/other/checkout runs that checkout's server (built there in Release) instead of this one's, to compare
# two versions with the same load generator; SKIP_BUILD=1 skips the builds (for sweeps, after one build).
# Server and load generator share this machine's two cores; the figures include that contention. Gateway outboxes
# go to /dev/shm so the load generator's own fsyncs (a thousand outboxes) do not measure the disk instead of the server.
set -euo pipefail
peer=false
args=()
for a in "$@"; do if [ "$a" = --peer ]; then peer=true; else args+=("$a"); fi; done
set -- "${args[@]}"
mode=${1:?fleet or profile}
root=$(cd "$(dirname "$0")/.." && pwd)
tree=${SERVER_TREE:-$root}
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cli="$root/tools/EmergencyLink.Cli/bin/Release/net10.0/EmergencyLink.Cli.dll"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build -c Release "$tree/src/EmergencyLink.Server" -v q -nologo >/dev/null
  dotnet build -c Release "$root/tools/EmergencyLink.Cli" -v q -nologo >/dev/null
fi
vehicles=${2:-1000}
[ "$mode" = profile ] && vehicles=24
if [ "$peer" = true ]; then
  [ "$mode" = fleet ] || { echo "--peer goes with fleet" >&2; exit 2; }
  dotnet "$cli" bench-link-peer --urls "http://127.0.0.1:$port" >"$dir/server.log" 2>&1 &
else
dotnet "$cli" bench-link map --from "$root/maps/demo" --vehicles "$vehicles" --out "$dir/map" >/dev/null
ASPNETCORE_ENVIRONMENT=Development Observability__Dashboard=${Observability__Dashboard:-false} Demo__Enabled=false Storage__Path="$dir/bench.db" Map__Path="$dir/map" DOTNET_PerfMapEnabled=${PERF_MAP:-0} DOTNET_EnableWriteXorExecute=${WXE:-1} \
  Orleans__SiloPort=$((port + 1)) Orleans__GatewayPort=$((port + 2)) Logging__LogLevel__Default=Warning \
  dotnet "$tree/src/EmergencyLink.Server/bin/Release/net10.0/EmergencyLink.Server.dll" --urls "http://127.0.0.1:$port" \
  >"$dir/server.log" 2>&1 &
fi
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
# This tree's server is ready on /readyz (/healthz is liveness only); the peer, and a checkout from before /readyz
# existed, answer /healthz once they serve.
probe=readyz
if [ "$peer" = true ] || [ -n "${SERVER_TREE:-}" ]; then probe=healthz; fi
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/$probe" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/$probe" >/dev/null || { echo "the server did not start:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
echo "== $(date -u +%Y-%m-%dT%H:%MZ) bench-link $* $([ "$peer" = true ] && echo --peer) (load average $(cut -d' ' -f1-3 /proc/loadavg))"
case "$mode" in
  fleet)
    dotnet "$cli" bench-link fleet --url "http://127.0.0.1:$port" --vehicles "$vehicles" --seconds "${3:-60}" \
      --video "${4:-0}" --video-kbps "${5:-4000}" --gateway "${6:-raw}" --server-pid "$pid" --storage-path "$dir/bench.db" --peer "$peer" ;;
  profile)
    dotnet "$cli" bench-link profile --url "http://127.0.0.1:$port" --profile "${2:?profile}" --seconds "${3:-300}" \
      --storage-path "$dir/bench.db" ;;
  *) echo "usage: $0 fleet N [S] [V] [VIDEO_KBPS] | profile NAME [S]" >&2; exit 2 ;;
esac
