#!/usr/bin/env bash
# One command for the key-figure benchmark (release build, medians, DuckDB peer
# side by side in the same run). Usage: bash Benchmarks/run.sh [scale] [runs]
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
extract="$out/extract-$scale"
[ -d "$extract" ] || "$roret" demo-extract --scale "$scale" --seed 1 --output "$extract"

echo "== cross-check: roret --unsuppressed vs the DuckDB peer"
"$roret" keyfigures --unsuppressed "$extract" --output "$out/roret.csv"
python3 Benchmarks/duckdb_peer.py "$extract" "$out/duckdb.csv"
if cmp -s "$out/roret.csv" "$out/duckdb.csv"; then echo "identical: $(wc -l < "$out/roret.csv") lines"; else echo "DIFFERENT"; diff "$out/roret.csv" "$out/duckdb.csv" | head; exit 1; fi

echo "== stages, data in memory (medians of $runs)"
.build/release/RoretBenchmarks "$extract" "$runs"

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
    print(f"ratio {name} / duckdb peer: {results[name] / peer:.2f} (target ≤ 0.50)")
PY
