#!/usr/bin/env bash
# Side-by-side vehicle-link fleet runs, alternated so that the noise of a shared machine falls on every variant alike:
# for each run, for each fleet size, each variant in turn (tools/bench-link.sh fleet N S). Prints one table of
# medians per (variant, size) and the ratio of each variant to the first one named.
# usage: tools/bench-link-compare.sh "50 100 200 400 1000" [S=20] [RUNS=3] [VARIANT ...]
# A variant is `ours` (this checkout's server), `peer` (the bare SignalR relay, bench-link-peer) or NAME=/checkout
# (that checkout's server, built there in Release: e.g. main=/tmp/el-main for a before/after). Default: peer ours.
# Raw results (one JSON line per run) are kept in $OUT (default: a file in /tmp named in the output), error output in $OUT.stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:?fleet sizes, e.g. "50 100 200"}
seconds=${2:-20}
runs=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(peer ours)
out=${OUT:-$(mktemp /tmp/bench-link-compare.XXXXXX.jsonl)}
echo "results -> $out"
dotnet build -c Release "$root/src/EmergencyLink.Server" -v q -nologo >/dev/null
dotnet build -c Release "$root/tools/EmergencyLink.Cli" -v q -nologo >/dev/null
for v in "${variants[@]}"; do
  case "$v" in *=*) dotnet build -c Release "${v#*=}/src/EmergencyLink.Server" -v q -nologo >/dev/null ;; esac
done
for run in $(seq 1 "$runs"); do
  for n in $sizes; do
    for v in "${variants[@]}"; do
      name=${v%%=*}
      extra=()
      tree=$root
      case "$v" in peer) extra=(--peer) ;; ours) ;; *=*) tree=${v#*=} ;; *) echo "unknown variant $v" >&2; exit 2 ;; esac
      load=$(cut -d' ' -f1 /proc/loadavg)
      line=$(SKIP_BUILD=1 SERVER_TREE=$tree "$root/tools/bench-link.sh" fleet "$n" "$seconds" 0 4000 raw "${extra[@]}" 2>>"$out.stderr" | grep '^{' || true)
      [ -n "$line" ] || line='{"failed":true}'
      echo "{\"variant\":\"$name\",\"size\":$n,\"run\":$run,\"load\":$load,\"result\":$line}" | tee -a "$out"
    done
  done
done
python3 "$root/tools/bench-link-summary.py" "$out" "${variants[@]%%=*}"
