#!/usr/bin/env bash
# One command for the key-figure benchmark (release build, medians, DuckDB peer
# side by side in the same run), on the messy extract (BOM, CRLF, quoting,
# permuted columns, shuffled rows: as real extracts arrive) and on the clean
# one. Usage: bash Benchmarks/run.sh [scale] [runs]
# Needs: hyperfine (apt-get install hyperfine), duckdb (pip install duckdb).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-national}
runs=${2:-7}
out=Benchmarks/out
mkdir -p "$out"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
python3 -c "import duckdb" 2>/dev/null || pip install -q duckdb

swift build -c release --product roret
swift build -c release --product RoretBenchmarks
roret=.build/release/roret
clean="$out/extract-$scale"
messy="$out/extract-$scale-messy"
[ -d "$clean" ] || "$roret" demo-extract --scale "$scale" --seed 1 --output "$clean"
[ -d "$messy" ] || "$roret" demo-extract --scale "$scale" --seed 1 --messy --output "$messy"
echo "messy extract: $(du -sm "$messy" | cut -f1) MB; clean: $(du -sm "$clean" | cut -f1) MB"

for extract in "$messy" "$clean"; do
echo
echo "######## $extract"

echo "== cross-check: roret --unsuppressed vs the DuckDB peer"
"$roret" keyfigures --unsuppressed "$extract" --output "$out/roret.csv"
python3 Benchmarks/duckdb_peer.py "$extract" "$out/duckdb.csv"
if cmp -s "$out/roret.csv" "$out/duckdb.csv"; then echo "identical: $(wc -l < "$out/roret.csv") lines"; else echo "DIFFERENT"; diff "$out/roret.csv" "$out/duckdb.csv" | head; exit 1; fi

echo "== stages, data in memory (medians of $runs)"
# Each stage in its own process: seven parses churn through gigabytes, and
# the kernel reclaiming that memory slowed the compute runs after them.
for stage in parse compute forecast others; do .build/release/RoretBenchmarks "$extract" "$runs" "$stage"; done | tee "$out/stages.txt"
python3 - "$out/stages.txt" "$(du -sb "$extract" | cut -f1)" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
ms = float(re.search(r"parse \+ validate.*?median\s+([0-9.]+) ms", text).group(1))
print(f"parse + validate: {int(sys.argv[2]) / 1e6 / (ms / 1000):.0f} MB/s (target >= 300)")
PY

echo "== end to end, same CSVs in, same CSV out (hyperfine, $runs runs, 1 warm-up)"
hyperfine --warmup 1 --runs "$runs" --export-json "$out/hyperfine.json" \
  -n "roret keyfigures --unsuppressed" "$roret keyfigures --unsuppressed $extract --output $out/roret.csv" \
  -n "roret keyfigures (suppressed)" "$roret keyfigures $extract --output $out/roret-suppressed.csv" \
  -n "duckdb peer" "python3 Benchmarks/duckdb_peer.py $extract $out/duckdb.csv"

echo "== peak memory (max RSS)"
/usr/bin/time -f "roret keyfigures: %M KB" "$roret" keyfigures --unsuppressed "$extract" --output "$out/roret.csv"
/usr/bin/time -f "duckdb peer:      %M KB" python3 Benchmarks/duckdb_peer.py "$extract" "$out/duckdb.csv"

echo "== medians"
python3 - "$out/hyperfine.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
for name, median in results.items():
    print(f"{name:34s} median {median * 1000:8.0f} ms")
peer = results["duckdb peer"]
for name in ("roret keyfigures --unsuppressed", "roret keyfigures (suppressed)"):
    print(f"ratio {name} / duckdb peer: {results[name] / peer:.2f} (target ≤ 0.25)")
PY
done
