#!/usr/bin/env bash
# Starts a Release server on a fresh temporary database and drives full case lifecycles against it over HTTP.
# usage: tools/bench.sh [cases=600] [concurrency=8] [max-batch-size=256]
# The server and the load generator share this machine's cores; the figures include that contention.
set -euo pipefail
cases=${1:-600}; concurrency=${2:-8}; batch=${3:-256}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 6180)
dotnet build -c Release "$root/src/EmergencyLink.Server" -v q -nologo >/dev/null
dotnet build -c Release "$root/tools/EmergencyLink.Cli" -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development Observability__Dashboard=${Observability__Dashboard:-false} Demo__Enabled=false Storage__Path="$dir/bench.db" Storage__MaxBatchSize="$batch" \
  Orleans__SiloPort=$((port + 1)) Orleans__GatewayPort=$((port + 2)) Logging__LogLevel__Default=Warning \
  dotnet "$root/src/EmergencyLink.Server/bin/Release/net10.0/EmergencyLink.Server.dll" --urls "http://127.0.0.1:$port" \
  >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
echo "storage max batch $batch, $(date -u +%Y-%m-%dT%H:%MZ)"
dotnet "$root/tools/EmergencyLink.Cli/bin/Release/net10.0/EmergencyLink.Cli.dll" bench \
  --url "http://127.0.0.1:$port" --cases "$cases" --concurrency "$concurrency" --storage-path "$dir/bench.db"
