#!/usr/bin/env bash
# Load benchmark of the web application on the national demo extract: wrk
# from a second process on loopback against a release build of `roret serve`
# (SQLite), signed in as a municipal leader. Usage:
#   bash Benchmarks/load.sh [connections] [seconds]
# Needs wrk (apt-get install wrk). Prints wrk's latency distribution per page.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-64}
seconds=${2:-20}
port=8097
out=Benchmarks/out
mkdir -p "$out"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

swift build -c release --product roret
roret=.build/release/roret
extract="$out/extract-national"
[ -d "$extract" ] || "$roret" demo-extract --scale national --seed 1 --output "$extract"
db="$out/load.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
"$roret" import "$extract" --sqlite "$db" > /dev/null
password=$("$roret" user add leder --role leader --area 265 --sqlite "$db" | sed 's/.*password: //')

"$roret" serve --sqlite "$db" --port "$port" --no-demo > "$out/load-serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/log-ind" && break; sleep 0.5; done

jar="$out/load-cookies.txt"
rm -f "$jar"
csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/log-ind" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "username=leder" --data-urlencode "password=$password" "http://127.0.0.1:$port/log-ind"
cookie=$(awk '$6=="roret-session" {print $7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed"; exit 1; }

for page in /oversigt /noegletal/NT03 "/noegletal/NT07?brud=from%3D2%3Bto%3D1" /bevaegelser; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: roret-session=$cookie" "http://127.0.0.1:$port$page")
  [ "$status" = 200 ] || { echo "$page answered $status"; exit 1; }
  echo "== $page: $connections connections, ${seconds}s"
  wrk -t 2 -c "$connections" -d "${seconds}s" --latency -H "Cookie: roret-session=$cookie" "http://127.0.0.1:$port$page" | grep -E "Latency|Req/Sec|requests in|Requests/sec|50%|75%|90%|99%|Non-2xx|errors"
done
