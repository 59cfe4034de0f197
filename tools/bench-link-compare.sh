#!/usr/bin/env bash
# Side-by-side vehicle-link fleet runs, alternated so that the noise of a shared machine falls on every variant alike:
# for each run, for each fleet size, each variant in turn (tools/bench-link.sh fleet N S). Prints one table of
# medians per (variant, size) and the ratio of each variant to the first one named.
# usage: tools/bench-link-compare.sh "50 100 200 400 1000" [S=20] [RUNS=3] [VARIANT ...]
# A variant is `ours` (this checkout's server), `peer` (the bare SignalR relay, bench-link-peer) or NAME=/checkout
# (that checkout's server, built there in Release: e.g. main=/tmp/el-main for a before/after). Default: peer ours.
# Raw results (one JSON line per run) are kept in $OUT (default: a file in /tmp named in the output).
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
      line=$(SKIP_BUILD=1 SERVER_TREE=$tree "$root/tools/bench-link.sh" fleet "$n" "$seconds" 0 4000 raw "${extra[@]}" 2>/dev/null | grep '^{' || true)
      [ -n "$line" ] || line='{"failed":true}'
      echo "{\"variant\":\"$name\",\"size\":$n,\"run\":$run,\"load\":$load,\"result\":$line}" | tee -a "$out"
    done
  done
done
python3 - "$out" "${variants[@]%%=*}" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
names = sys.argv[2:]
def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None
def fig(v, n, f):
    return med([f(r["result"]) for r in rows if r["variant"] == v and r["size"] == n and not r["result"].get("failed")])
metrics = [
    ("frames/s in", lambda r: r["framesIn"]),
    ("capture→ED p50 ms", lambda r: r["ecgVitals"]["captureToEdP50Ms"]),
    ("capture→ED p99 ms", lambda r: r["ecgVitals"]["captureToEdP99Ms"]),
    ("server→ED p99 ms", lambda r: r["ecgVitals"]["serverToEdP99Ms"]),
    ("server CPU cores", lambda r: r["serverCpuCores"]),
    ("load gen CPU cores", lambda r: r["loadGeneratorCpuCores"]),
    ("server RSS MiB", lambda r: r["serverRssMiB"]),
    ("lost (max)", None),
]
sizes = sorted({r["size"] for r in rows})
print("| vehicles | variant | " + " | ".join(m[0] for m in metrics) + " | runs | load avg |")
print("|" + " --- |" * (len(metrics) + 4))
for n in sizes:
    for v in names:
        sel = [r for r in rows if r["variant"] == v and r["size"] == n]
        ok = [r for r in sel if not r["result"].get("failed")]
        cells = []
        for label, f in metrics:
            if f is None:
                cells.append(str(max([r["result"]["framesLost"] for r in ok], default="–")))
                continue
            x = fig(v, n, f)
            cells.append("–" if x is None else f"{x:,.2f}" if x < 100 else f"{x:,.0f}")
        print(f"| {n} | {v} | " + " | ".join(cells) + f" | {len(ok)}/{len(sel)} | {med([r['load'] for r in sel])} |")
    base = names[0]
    for v in names[1:]:
        parts = []
        for label, f in metrics[:5]:
            a, b = fig(v, n, f), fig(base, n, f)
            parts.append(f"{label} {a / b:.2f}×" if a and b else f"{label} –")
        print(f"| {n} | {v}/{base} | " + "; ".join(parts) + " |")
PY
