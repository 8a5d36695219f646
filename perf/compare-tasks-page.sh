#!/usr/bin/env bash
# The tasks page's server time, an older build against this one in the same run: one api server (this build) on a
# throw-away PostgreSQL, a web server of each build in front of it, one signed-in user with 500 tasks, then
# sequential page loads alternating between the two web servers. Prints p50/p95/p99 per build.
# Usage: perf/compare-tasks-page.sh <old git ref> [loads, default 300]. Needs the build done (./mvnw package),
# PostgreSQL's initdb/pg_ctl on the PATH and curl. Ports: PERF_PORT_BASE (default 13500) to PERF_PORT_BASE+3.
set -euo pipefail
cd "$(dirname "$0")/.."
old_ref=${1:?usage: $0 <old git ref> [loads]}
loads=${2:-300}
base=${PERF_PORT_BASE:-13500}
pg_port=$base api_port=$((base + 1)) old_port=$((base + 2)) new_port=$((base + 3))
work=$PWD/target/perf-compare
secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
rm -rf "$work" && mkdir -p "$work"
pgdata=""

echo "Building $old_ref in a work tree..."
git worktree add --detach "$work/old" "$old_ref" >/dev/null
(cd "$work/old" && ./mvnw -B -q -o package -DskipTests >/dev/null)

stop() {
    set +e
    WLP_OUTPUT_DIR=$work/out-new target/liberty/wlp/bin/server stop web >/dev/null 2>&1
    WLP_OUTPUT_DIR=$work/out-old "$work/old/target/liberty/wlp/bin/server" stop web >/dev/null 2>&1
    WLP_OUTPUT_DIR=$work/out-api target/liberty/wlp/bin/server stop api >/dev/null 2>&1
    [ -n "$pgdata" ] && run_pg "pg_ctl -D '$pgdata/data' stop -m fast" >/dev/null 2>&1
    rm -rf "$pgdata"
    git worktree remove --force "$work/old" >/dev/null 2>&1
}
trap stop EXIT

# PostgreSQL refuses to run as root; as root, it runs as the postgres user.
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
pgdata=$(mktemp -d /tmp/perf-compare-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$pgdata"
run_pg "initdb -D '$pgdata/data' -U postgres --auth=trust >/dev/null"
run_pg "pg_ctl -D '$pgdata/data' -o '-p $pg_port -k /tmp' -l '$pgdata/pg.log' start >/dev/null"

await() { for _ in $(seq 1 120); do curl -fs "$1" >/dev/null && return 0; sleep 1; done; echo "not ready: $1"; exit 1; }
DATABASE_URL="postgresql://postgres@localhost:$pg_port/postgres" AUTH_SECRET=$secret HTTP_PORT=$api_port \
    WLP_OUTPUT_DIR=$work/out-api target/liberty/wlp/bin/server start api >/dev/null
await "http://localhost:$api_port/health/ready"
TODO_API_URL=http://localhost:$api_port/api AUTH_SECRET=$secret HTTP_PORT=$new_port \
    WLP_OUTPUT_DIR=$work/out-new target/liberty/wlp/bin/server start web >/dev/null
TODO_API_URL=http://localhost:$api_port/api AUTH_SECRET=$secret HTTP_PORT=$old_port \
    WLP_OUTPUT_DIR=$work/out-old "$work/old/target/liberty/wlp/bin/server" start web >/dev/null
await "http://localhost:$new_port/health/ready"
await "http://localhost:$old_port/health/ready"

api=http://localhost:$api_port/api
token=$(curl -fs -X POST "$api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Perf\",\"email\":\"perf-$RANDOM@example.com\",\"password\":\"perf password\"}" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')
echo "Seeding 500 tasks..."
for i in $(seq 1 500); do
    due=""
    [ $((i % 3)) = 0 ] && due=",\"dueAt\":\"2027-0$((i % 9 + 1))-1$((i % 9))T09:00:00Z\""
    curl -fs -o /dev/null -X POST "$api/tasks" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"title\":\"Task $i\",\"tags\":[\"t$((i % 7))\"],\"priority\":\"$([ $((i % 4)) = 0 ] && echo HIGH || echo MEDIUM)\"$due}"
done

load() { curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' \
    -H "Cookie: todo_session=$token; tz=Europe/Berlin" "http://localhost:$1/tasks"; }
echo "Warming up..."
for _ in $(seq 1 40); do load "$old_port" >/dev/null; load "$new_port" >/dev/null; done
: >"$work/old.txt"; : >"$work/new.txt"
echo "Measuring $loads loads of each..."
# Alternating which goes first, so that neither build always follows the other.
for i in $(seq 1 "$loads"); do
    if [ $((i % 2)) = 0 ]; then
        load "$old_port" >>"$work/old.txt"; load "$new_port" >>"$work/new.txt"
    else
        load "$new_port" >>"$work/new.txt"; load "$old_port" >>"$work/old.txt"
    fi
done

report() {
    local name=$1 file=$2
    if grep -qv '^200 ' "$file"; then echo "$name: not every load answered 200"; grep -v '^200 ' "$file" | head -3; fi
    local bytes
    bytes=$(awk '{ sum += $3 } END { printf "%d", sum / NR }' "$file")
    awk '{print $2 * 1000}' "$file" | sort -n | awk -v name="$name" -v bytes="$bytes" '
        { t[NR] = $1 } END { printf "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %d |\n", name, NR,
            t[int(NR * 0.50)], t[int(NR * 0.95)], t[int(NR * 0.99)], bytes }'
}
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| Build | Loads | p50 | p95 | p99 | Bytes |"
echo "|---|---|---|---|---|---|"
report "$old_ref" "$work/old.txt"
report "this build" "$work/new.txt"
