#!/usr/bin/env bash
# A local EmergencyLink cluster in one command, for development: a private Redis (membership) and PostgreSQL (grain
# state, archive, keys) on free loopback ports with their data in a temp folder, then NODES server processes in
# cluster mode on distinct HTTP/silo/gateway ports. Waits until every node's /readyz says it sees all NODES silos,
# prints the URLs and how to get a token, and on Ctrl-C/TERM stops everything and deletes the folder.
# Needs the Debian packages redis-server and postgresql-15. PostgreSQL refuses to run as root, so as root it runs as
# the postgres user (runuser).
# usage: tools/cluster.sh [NODES=3] [--demo]   (--demo: the living demo on node 1 only, so calls arrive once)
set -euo pipefail
nodes=3
demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    [1-9]|[1-9][0-9]) nodes=$arg ;;
    *) echo "usage: $0 [NODES=3] [--demo]" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tools/local-infra.sh"

dir=$(mktemp -d /tmp/emergencylink-cluster-XXXXXX)
chmod 755 "$dir"
pids=()
cleanup() {
  trap - EXIT INT TERM
  echo "stopping the cluster…" >&2
  # SIGTERM lets each node leave the cluster cleanly (a draining node turns new requests away, so it leaves within
  # a second or two); whatever is still up after 35 s (past the host's own 30 s shutdown timeout) is killed.
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 1 175); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break; sleep 0.2
  done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  infra_stop "$dir"
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "building (Release)…" >&2
dotnet build -c Release "$root/src/EmergencyLink.Server" -v q -nologo >"$dir/build.log" 2>&1 \
  || { cat "$dir/build.log" >&2; exit 1; }
dotnet build -c Release "$root/tools/EmergencyLink.Cli" -v q -nologo >>"$dir/build.log" 2>&1 \
  || { cat "$dir/build.log" >&2; exit 1; }
server="$root/src/EmergencyLink.Server/bin/Release/net10.0/EmergencyLink.Server.dll"
cli="$root/tools/EmergencyLink.Cli/bin/Release/net10.0/EmergencyLink.Cli.dll"

infra_start "$dir"
pids+=("${infra_pids[@]}")
redis_port=$infra_redis_port
pg_port=$infra_pg_port
export ASPNETCORE_ENVIRONMENT=Development
# The Dashboard is off unless configured (it costs a third more CPU on the telemetry path); a development cluster has it.
export Observability__Dashboard=${Observability__Dashboard:-true}

urls=()
for n in $(seq 1 "$nodes"); do
  mkdir -p "$dir/node$n"
  http=$(infra_free_port); silo=$(infra_free_port); gateway=$(infra_free_port)
  # Each node its own home and data folder, as on its own machine (its EHR outbox lives beside Storage:Path).
  env HOME="$dir/node$n" Storage__Path="$dir/node$n/emergencylink.db" Demo__Enabled=$([ "$n" -eq 1 ] && echo $demo || echo false) \
    Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" Logging__LogLevel__Default=Warning \
    dotnet "$server" --urls "http://127.0.0.1:$http" >"$dir/node$n/log" 2>&1 &
  pids+=($!)
  urls+=("http://127.0.0.1:$http")
  echo "node $n: pid $! http $http silo $silo gateway $gateway" >&2
done

deadline=$((SECONDS + 120))
for i in "${!urls[@]}"; do
  until curl -sf "${urls[$i]}/readyz" 2>/dev/null | grep -q "\"activeSilos\":$nodes"; do
    kill -0 "${pids[$((i + 1))]}" 2>/dev/null || { echo "node $((i + 1)) exited:" >&2; tail -30 "$dir/node$((i + 1))/log" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "node $((i + 1)) not ready after 120 s:" >&2; curl -s "${urls[$i]}/readyz" >&2; tail -30 "$dir/node$((i + 1))/log" >&2; exit 1; }
    sleep 0.3
  done
done

token() { dotnet "$cli" token --role "$@" --hours 12 2>/dev/null; }
cat <<EOF

EmergencyLink cluster: $nodes nodes, ready (each /readyz reports $nodes active silos)
$(for i in "${!urls[@]}"; do echo "  node $((i + 1)): ${urls[$i]}   consoles ${urls[$i]}/  dashboard ${urls[$i]}/dashboard  (pid ${pids[$((i + 1))]}, log $dir/node$((i + 1))/log)"; done)
  Redis (membership):      127.0.0.1:$redis_port
  PostgreSQL (all state):  Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=emergencylink
  data folder:             $dir (deleted on exit)

Sign in on the consoles of any node by picking a role (development sign-in); the cookie is valid on every node.
A token for the API, signed with the cluster's key (valid on every node):
  export Orleans__ClusteringMode=Redis Storage__Provider=PostgreSql Storage__PostgreSql__ConnectionString='$Storage__PostgreSql__ConnectionString'
  dotnet $cli token --role dispatcher   # or crew --vehicle ID, ed --hospital ID, admin
A dispatcher token, made now:
  $(token dispatcher)
  e.g. curl -H "Authorization: Bearer \$TOKEN" ${urls[0]}/api/incidents

Stop a node with kill -TERM (drains) or kill -9 (crash) to watch the others take over. Ctrl-C stops everything.
EOF

# Stay up until interrupted; a node that dies is reported, not restarted (that is the point of watching it).
while true; do
  for i in "${!urls[@]}"; do
    p=${pids[$((i + 1))]}
    if [ -n "$p" ] && ! kill -0 "$p" 2>/dev/null; then
      echo "node $((i + 1)) (pid $p) has exited; the others carry on" >&2
      pids[$((i + 1))]=""
    fi
  done
  sleep 1
done
