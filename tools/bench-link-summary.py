#!/usr/bin/env python3
"""Summarises tools/bench-link-compare.sh results (one JSON line per run): medians per (variant, fleet size) and the
ratio of each variant to the first one named. usage: bench-link-summary.py RESULTS.jsonl VARIANT [VARIANT ...]"""
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
names = sys.argv[2:] or list(dict.fromkeys(r["variant"] for r in rows))


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def ok(v, n):
    return [r for r in rows if r["variant"] == v and r["size"] == n and not r["result"].get("failed")]


def fig(v, n, f):
    return med([f(r["result"]) for r in ok(v, n)])


metrics = [
    ("frames/s in", lambda r: r["framesIn"]),
    ("capture→ED p50 ms", lambda r: r["ecgVitals"]["captureToEdP50Ms"]),
    ("capture→ED p99 ms", lambda r: r["ecgVitals"]["captureToEdP99Ms"]),
    ("capture→server p99 ms", lambda r: r["ecgVitals"]["captureToServerP99Ms"]),
    ("server→ED p99 ms", lambda r: r["ecgVitals"]["serverToEdP99Ms"]),
    ("server CPU cores", lambda r: r["serverCpuCores"]),
    ("server µs/frame", lambda r: r["serverCpuCores"] / r["framesIn"] * 1e6 if r["framesIn"] else None),
    ("load gen CPU cores", lambda r: r["loadGeneratorCpuCores"]),
]


def cell(x):
    return "–" if x is None else f"{x:,.2f}" if x < 10 else f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


sizes = sorted({r["size"] for r in rows})
print("| vehicles | server | " + " | ".join(m[0] for m in metrics) + " | lost (max) | runs | load avg (median) |")
print("|" + " --- |" * (len(metrics) + 5))
for n in sizes:
    for v in names:
        sel = [r for r in rows if r["variant"] == v and r["size"] == n]
        if not sel:
            continue
        lost = max([r["result"]["framesLost"] for r in ok(v, n)], default=None)
        cells = [cell(fig(v, n, f)) for _, f in metrics]
        print(f"| {n} | {v} | " + " | ".join(cells) + f" | {'–' if lost is None else lost} | {len(ok(v, n))}/{len(sel)} | {med([r['load'] for r in sel])} |")
if len(names) < 2:
    sys.exit(0)
print()
base = names[0]
print(f"Ratios to {base} (medians):")
print()
print("| vehicles | " + " | ".join(f"{v}/{base} {m[0]}" for v in names[1:] for m in metrics[:7]) + " |")
print("|" + " --- |" * (1 + 7 * (len(names) - 1)))
for n in sizes:
    cells = []
    for v in names[1:]:
        for _, f in metrics[:7]:
            a, b = fig(v, n, f), fig(base, n, f)
            cells.append(f"{a / b:.2f}×" if a and b else "–")
    print(f"| {n} | " + " | ".join(cells) + " |")
