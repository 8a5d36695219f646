#!/usr/bin/env bash
# A/B benchmark of this working tree (B) against a baseline commit (A), with a separate load generator.
#
# Both builds' api and web servers run as their own processes (`server run`, each build's own jvm.options) on one
# PostgreSQL server (Debian's, in a data directory of its own), each build on a database of its own. wrk drives
# the load from outside the servers: after a warm-up, every scenario runs on A and on B in turn, the order
# swapped every round, so that a machine that speeds up or slows down during the run hurts neither side. Reports
# requests/s, latency percentiles, CPU time per request, resident memory and start times, with B/A ratios, and
# writes them with the machine's description to perf/AB-RESULTS.md. It reports; it never fails on a figure.
#
# Usage: perf/ab.sh [--baseline COMMIT] [--rounds N] [--duration SECONDS] [--connections N] [--starts N]
#                   [--warmup SECONDS] [--telemetry-b] [--personal-token-b]
# --warmup is per scenario and side (30 s by default): the api's C2 compiler needs a minute or more of load before a
# list request's CPU stops falling, and ten seconds of each scenario measured it half-compiled.
# --telemetry-b runs B with OpenTelemetry on (traces and metrics, every trace sampled) exporting over OTLP/HTTP to a
# sink in this script (python3) that takes and drops everything: `--baseline HEAD --telemetry-b` is the cost of
# turning telemetry on. --personal-token-b makes B list with a personal access token instead of a sign-in token.
# Needs: a JDK, wrk, curl and PostgreSQL's server binaries (Debian: apt-get install wrk curl postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

baseline=c191b4a
rounds=2
duration=15
connections=32
threads=2
starts=3
warmup=30
telemetry_b=false
personal_b=0
while [ $# -gt 0 ]; do
    case "$1" in
        --baseline) baseline=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --starts) starts=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --telemetry-b) telemetry_b=true; shift ;;
        --personal-token-b) personal_b=1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

work=$root/target/perf
results=$root/perf/AB-RESULTS.md
secret=ab-benchmark-token-key-of-at-least-32-bytes
mkdir -p "$work"
say() { printf '%s\n' "$*" >&2; }

for tool in wrk curl; do
    command -v "$tool" >/dev/null || { say "perf/ab.sh needs $tool (Debian: apt-get install $tool)"; exit 2; }
done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -x "$pg_bin/initdb" ] || { say "perf/ab.sh needs PostgreSQL's server binaries (Debian: apt-get install postgresql)"; exit 2; }

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# --- builds ---------------------------------------------------------------------------------------------------
baseline_sha=$(git rev-parse --short "$baseline")
baseline_dir=$work/baseline-$baseline_sha
if [ ! -d "$baseline_dir" ]; then
    say "Checking out the baseline $baseline_sha in $baseline_dir"
    git worktree prune # a worktree that ./mvnw clean deleted stays registered and would refuse the add
    git worktree add --detach "$baseline_dir" "$baseline_sha" >/dev/null
fi
say "Building A (baseline $baseline_sha) and B (this tree, $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + changes'))"
(cd "$baseline_dir" && ./mvnw -B -q package -DskipTests >"$work/build-a.log" 2>&1) || { say "baseline build failed: $work/build-a.log"; exit 1; }
./mvnw -B -q package -DskipTests >"$work/build-b.log" 2>&1 || { say "build failed: $work/build-b.log"; exit 1; }
declare -A wlp=([A]="$baseline_dir/target/liberty/wlp" [B]="$root/target/liberty/wlp")

# --- PostgreSQL -------------------------------------------------------------------------------------------------
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgdata=$work/pgdata
pg_port=$(free_port)
rm -rf "$pgdata"
mkdir -p "$pgdata"
[ "$(id -u)" = 0 ] && chown postgres "$pgdata"
as_postgres "$pg_bin/initdb" -D "$pgdata" -U postgres -A trust >"$work/initdb.log" 2>&1
as_postgres "$pg_bin/pg_ctl" -D "$pgdata" -o "-p $pg_port -c max_connections=200 -k /tmp" -l "$pgdata/server.log" -w start >/dev/null
pids=()
stop_pids() { # stop_pids PID...: SIGTERM, then wait until each process is gone
    kill "$@" 2>/dev/null || true
    for pid in "$@"; do
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    done
}
cleanup() {
    [ ${#pids[@]} -eq 0 ] || stop_pids "${pids[@]}"
    as_postgres "$pg_bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
for side in a b; do
    as_postgres "$pg_bin/psql" -h /tmp -p "$pg_port" -U postgres -qc "CREATE DATABASE bench_$side" >/dev/null
done
pg_version=$(as_postgres "$pg_bin/postgres" --version)

# --- telemetry sink (--telemetry-b) ------------------------------------------------------------------------------
b_env=()
if $telemetry_b; then
    command -v python3 >/dev/null || { say "--telemetry-b needs python3"; exit 2; }
    otlp_port=$(free_port)
    python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
' "$otlp_port" &
    pids+=($!)
    b_env=(OTEL_SDK_DISABLED=false OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_port"
        OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf OTEL_LOGS_EXPORTER=none OTEL_TRACES_SAMPLER=always_on)
fi

# --- servers ----------------------------------------------------------------------------------------------------
# start_server SIDE NAME PORT OUTPUT: runs the server in the background and prints its pid.
start_server() {
    local side=$1 name=$2 port=$3 output=$4 lower
    lower=$(echo "$side" | tr AB ab)
    mkdir -p "$output"
    local telemetry=()
    [ "$side" = B ] && [ ${#b_env[@]} -gt 0 ] && telemetry=("${b_env[@]}" OTEL_SERVICE_NAME="todo-$name")
    env -u DATABASE_URL -u AUTH_SECRET -u TODO_API_URL MALLOC_ARENA_MAX=2 WLP_OUTPUT_DIR="$output" HTTP_PORT="$port" \
        DATABASE_URL="postgresql://postgres@localhost:$pg_port/bench_$lower" AUTH_SECRET=$secret \
        TODO_API_URL="http://localhost:${api_port[$side]:-1}/api" LOGIN_FREE_FAILURES_PER_CLIENT=1000000 \
        "${telemetry[@]}" "${wlp[$side]}/bin/server" run "$name" >"$output/console.log" 2>&1 &
    echo $!
}

await_200() { # await_200 URL: milliseconds until URL answers 200 (gives up after 180 s)
    local start end
    start=$(date +%s%N)
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do
        [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 180 ] || { echo "timeout"; return; }
        sleep 0.05
    done
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }

declare -A api_port web_port api_pid web_pid
for side in A B; do
    api_port[$side]=$(free_port)
    web_port[$side]=$(free_port)
done

declare -A start_api start_web
say "Start times: $starts alternating cold starts of each server (a new output directory each time)"
for i in $(seq 1 "$starts"); do
    for side in A B; do
        out=$work/start-$side-$i
        rm -rf "$out"
        pid=$(start_server "$side" api "${api_port[$side]}" "$out/api")
        start_api[$side]+="$(await_200 "http://localhost:${api_port[$side]}/health/ready") "
        wpid=$(start_server "$side" web "${web_port[$side]}" "$out/web")
        start_web[$side]+="$(await_200 "http://localhost:${web_port[$side]}/sign-in") "
        stop_pids "$wpid" "$pid"
    done
done

for side in A B; do
    api_pid[$side]=$(start_server "$side" api "${api_port[$side]}" "$work/run-$side/api")
    pids+=("${api_pid[$side]}")
    web_pid[$side]=$(start_server "$side" web "${web_port[$side]}" "$work/run-$side/web")
    pids+=("${web_pid[$side]}")
done
for side in A B; do
    [ "$(await_200 "http://localhost:${api_port[$side]}/health/ready")" != timeout ] || { say "api $side did not get ready"; exit 1; }
    [ "$(await_200 "http://localhost:${web_port[$side]}/sign-in")" != timeout ] || { say "web $side did not start"; exit 1; }
done

rss_mb() { awk '/VmRSS/ {printf "%d\n", $2 / 1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# --- data -------------------------------------------------------------------------------------------------------
declare -A token_list token_create
token_of() { sed -n 's/.*"token":"\([^"]*\)".*/\1/p'; }
signup() { # signup SIDE NAME
    curl -s -X POST "http://localhost:${api_port[$1]}/api/auth/signup" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$2\",\"email\":\"$2@bench.example\",\"password\":\"bench-password-1\"}" | token_of
}
say "Seeding: one user with 100 tasks and one for creates on each side"
for side in A B; do
    token_list[$side]=$(signup "$side" lister)
    token_create[$side]=$(signup "$side" creator)
    for i in $(seq 1 100); do
        curl -s -o /dev/null -X POST "http://localhost:${api_port[$side]}/api/tasks" \
            -H "Authorization: Bearer ${token_list[$side]}" -H 'Content-Type: application/json' \
            -d "{\"title\":\"Task $i to list\",\"description\":\"Seeded for the benchmark\",\"priority\":\"HIGH\",\"tags\":[\"bench\",\"t$((i % 7))\"],\"dueAt\":\"2027-01-$(printf %02d $((i % 28 + 1)))T09:00:00Z\"}"
    done
done
if [ "$personal_b" = 1 ]; then
    say "B lists with a personal access token (its last use is recorded at most once a minute)"
    token_list[B]=$(curl -s -X POST "http://localhost:${api_port[B]}/api/tokens" \
        -H "Authorization: Bearer ${token_list[B]}" -H 'Content-Type: application/json' \
        -d '{"name":"bench","scope":"read","expiresInDays":30}' | token_of)
fi
idle_api_a=$(rss_mb "${api_pid[A]}"); idle_api_b=$(rss_mb "${api_pid[B]}")
idle_web_a=$(rss_mb "${web_pid[A]}"); idle_web_b=$(rss_mb "${web_pid[B]}")

cat >"$work/create.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"Created by wrk","priority":"MEDIUM","tags":["bench"],"dueAt":"2027-02-01T09:00:00Z"}'
LUA

scenario_url() { # scenario_url SCENARIO SIDE
    local base="http://localhost:${api_port[$2]}/api"
    case "$1" in
        list20) echo "$base/tasks?size=20" ;;
        list100) echo "$base/tasks?size=100" ;;
        create) echo "$base/tasks" ;;
        page) echo "http://localhost:${web_port[$2]}/tasks" ;;
    esac
}

# run_wrk SCENARIO SIDE SECONDS: prints "requests/s p50 p90 p99 errors cpu-ms-per-request"
run_wrk() {
    local scenario=$1 side=$2 seconds=$3 token out pid before after requests args=()
    if [ "$scenario" = create ]; then token=${token_create[$side]}; args=(-s "$work/create.lua"); else token=${token_list[$side]}; fi
    pid=${api_pid[$side]}
    if [ "$scenario" = page ]; then args=(-H "Cookie: todo_session=$token"); pid=${web_pid[$side]}; else args+=(-H "Authorization: Bearer $token"); fi
    before=$(cpu_ticks "$pid")
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "${args[@]}" "$(scenario_url "$scenario" "$side")")
    after=$(cpu_ticks "$pid")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$out" | awk -v cpu=$(( (after - before) * 1000 / ticks_per_second )) -v requests="$requests" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
        /Non-2xx/ { errors += $5 } /Socket errors/ { errors += 0 }
        END { printf "%.0f %.1f %.1f %.1f %d %.2f\n", rps, p50, p90, p99, errors, (requests > 0 ? cpu / requests : 0) }'
}

scenarios=(list20 list100 create page)
say "Warm-up: ${warmup} s of each scenario on each side"
for scenario in "${scenarios[@]}"; do
    for side in A B; do run_wrk "$scenario" "$side" "$warmup" >/dev/null; done
done

declare -A figures
for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) = 1 ]; then order=(A B); else order=(B A); fi
    for scenario in "${scenarios[@]}"; do
        for side in "${order[@]}"; do
            line=$(run_wrk "$scenario" "$side" "$duration")
            figures[$scenario,$side]+="$line"$'\n'
            say "round $round $scenario $side: $line (requests/s p50 p90 p99 ms, errors, CPU ms/request)"
        done
    done
done
end_api_a=$(rss_mb "${api_pid[A]}"); end_api_b=$(rss_mb "${api_pid[B]}")
end_web_a=$(rss_mb "${web_pid[A]}"); end_web_b=$(rss_mb "${web_pid[B]}")

column() { # column SCENARIO SIDE FIELD: the median of one field over the rounds
    printf '%s' "${figures[$1,$2]}" | awk -v f="$3" 'NF {print $f}' | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 == 0) print "-"; else printf "%.2f\n", b / a }'; }

{
    echo "# A/B benchmark: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "A = baseline $baseline_sha, B = $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes')$($telemetry_b && echo ', with OpenTelemetry on (OTLP/HTTP to a local sink, every trace sampled)'). Written by \`perf/ab.sh\`."
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr);"
    echo "$(java -version 2>&1 | head -n 1); $pg_version; $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2);"
    echo "wrk -t$threads -c$connections, $duration s per pass after a $warmup s warm-up, $rounds rounds alternating A and B."
    echo "Each figure is the median over the rounds. CPU ms/request: the server process's user + system CPU during the"
    echo "pass divided by the requests served. Lists: a user with 100 tasks; create: POST of a new task; page: the web"
    echo "server's /tasks for the list user (the web server calls its own build's api)."
    echo
    echo "| Scenario | A req/s | B req/s | B/A | A p50 / p99 ms | B p50 / p99 ms | A CPU ms/req | B CPU ms/req | errors A / B |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for scenario in "${scenarios[@]}"; do
        a=$(column "$scenario" A 1); b=$(column "$scenario" B 1)
        echo "| $scenario | $a | $b | $(ratio "$a" "$b") | $(column "$scenario" A 2) / $(column "$scenario" A 4) | $(column "$scenario" B 2) / $(column "$scenario" B 4) | $(column "$scenario" A 6) | $(column "$scenario" B 6) | $(column "$scenario" A 5) / $(column "$scenario" B 5) |"
    done
    echo
    echo "| Start and memory | A | B | B/A |"
    echo "|---|---|---|---|"
    sa=$(echo "${start_api[A]}" | tr ' ' '\n' | grep -v '^$' | median); sb=$(echo "${start_api[B]}" | tr ' ' '\n' | grep -v '^$' | median)
    echo "| api start to first 200 on /health/ready, median of $starts (ms) | $sa | $sb | $(ratio "$sa" "$sb") |"
    sa=$(echo "${start_web[A]}" | tr ' ' '\n' | grep -v '^$' | median); sb=$(echo "${start_web[B]}" | tr ' ' '\n' | grep -v '^$' | median)
    echo "| web start to first 200 on /sign-in, median of $starts (ms) | $sa | $sb | $(ratio "$sa" "$sb") |"
    echo "| api resident memory idle / end of load (MB) | $idle_api_a / $end_api_a | $idle_api_b / $end_api_b | $(ratio "$end_api_a" "$end_api_b") |"
    echo "| web resident memory idle / end of load (MB) | $idle_web_a / $end_web_a | $idle_web_b / $end_web_b | $(ratio "$end_web_a" "$end_web_b") |"
    echo
    echo "Start times, every run (ms): api A ${start_api[A]}; api B ${start_api[B]}; web A ${start_web[A]}; web B ${start_web[B]}."
} >"$results"
cat "$results"
