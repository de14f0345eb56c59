#!/usr/bin/env bash
# The web application with the messy national extract stored (release build):
#  - start-up: from `roret serve` starting to the first dashboard served to a leader;
#  - import through the browser (headless Chromium chooses the seven files on
#    Udtræk and presses Indlæs; curl posts the same form when there is no
#    chromedriver), to the confirmation and to the new version's dashboard;
#  - the figures' rebuild at start (the same computation as the nightly
#    rebuild that publishes stored answers), from the server's log;
#  - peak memory (VmHWM) of the server holding the extract.
# On SQLite, and on PostgreSQL when a URL is given (its database is emptied).
# Usage: bash Benchmarks/serve.sh [postgres://user:pass@host/db]
set -euo pipefail
cd "$(dirname "$0")/.."
out=Benchmarks/out
mkdir -p "$out"
swift build -c release --product roret
roret=.build/release/roret
extract="$out/extract-national-messy"
[ -d "$extract" ] || "$roret" demo-extract --scale national --seed 1 --messy --output "$extract"
port=8098
base="http://127.0.0.1:$port"
server=""
trap '[ -z "$server" ] || kill $server 2>/dev/null || true' EXIT

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{(float(sys.argv[2]) - float(sys.argv[1])) * 1000:.0f} ms')" "$1" "$(now)"; }

# Signs in $1 with password $2 into cookie jar $3.
sign_in() {
  rm -f "$3"
  local csrf
  csrf=$(curl -s -c "$3" -b "$3" "$base/log-ind" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$3" -b "$3" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "username=$1" --data-urlencode "password=$2" "$base/log-ind"
}

# Waits until the leader's dashboard answers 200.
wait_dashboard() {
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$out/leader.jar" "$base/oversigt")" = 200 ] && return 0
    sleep 0.05
  done
  echo "the dashboard never answered"; exit 1
}

measure() {
  local label=$1
  echo "######## $label"
  "$roret" import "$extract" > /dev/null
  local admin leader
  admin=$("$roret" user add bench-admin --role administrator --area national | sed 's/.*password: //')
  leader=$("$roret" user add bench-leder --role leader --area 265 | sed 's/.*password: //')

  local start
  start=$(now)
  "$roret" serve --port "$port" --no-demo > "$out/serve-$label.log" 2>&1 &
  server=$!
  for _ in $(seq 1 2400); do curl -sf -o /dev/null "$base/log-ind" && break; sleep 0.05; done
  echo "listening after:                 $(since "$start")"
  sign_in bench-leder "$leader" "$out/leader.jar"
  wait_dashboard
  echo "first dashboard after start:     $(since "$start")"
  grep -o "key figures ready at start in [0-9]* ms" "$out/serve-$label.log" || true
  echo "server peak memory (VmHWM):      $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"

  start=$(now)
  if command -v chromedriver >/dev/null; then
    # As an administrator does it: headless Chromium chooses the files and presses Indlæs.
    local ms
    ms=$(python3 Benchmarks/browser_import.py "$base" bench-admin "$admin" "$extract")
    echo "upload of $(du -sm "$extract" | cut -f1) MB in Chromium, click to confirmation: $ms ms"
    # From here on, time counts from the click.
    start=$(python3 -c "import sys; print(float(sys.argv[1]) - float(sys.argv[2]) / 1000)" "$(now)" "$ms")
  else
    sign_in bench-admin "$admin" "$out/admin.jar"
    local csrf args=()
    csrf=$(curl -s -b "$out/admin.jar" "$base/admin/udtraek" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
    for f in "$extract"/*.csv; do args+=(-F "files[]=@$f;type=text/csv"); done
    start=$(now)
    local status
    status=$(curl -s -o "$out/upload-$label.html" -w '%{http_code}' -b "$out/admin.jar" -F "csrf=$csrf" "${args[@]}" "$base/admin/udtraek")
    echo "upload of $(du -sm "$extract" | cut -f1) MB with curl answered $status after: $(since "$start")"
  fi
  wait_dashboard
  echo "new version's dashboard after:   $(since "$start")"
  echo "server peak memory (VmHWM):      $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"
  kill $server
  wait $server 2>/dev/null || true
}

export RORET_SQLITE="$out/serve-bench.sqlite"
unset DATABASE_URL
rm -f "$RORET_SQLITE" "$RORET_SQLITE-wal" "$RORET_SQLITE-shm"
measure sqlite

if [ -n "${1:-}" ]; then
  export DATABASE_URL=$1
  psql "$DATABASE_URL" -q -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
  measure postgresql
fi
