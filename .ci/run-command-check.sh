#!/usr/bin/env bash
# Runs the README's run command (./mvnw liberty:dev) as a new user would and checks what the README promises: ready
# within 5 minutes on the embedded PostgreSQL, the sign-in page at /, the API at /api, a changed page and a new Java
# class served after hot reload, and nothing left running after Ctrl-C. Any miss fails with a line naming the step.
#
# Usage: .ci/run-command-check.sh [--quick]   (--quick: start, check / and /api, stop; no hot reload)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[ "${1:-}" = "--quick" ] && quick=true

base=http://localhost:9080
log=$(mktemp -t liberty-dev.XXXXXX.log)
page=todo-web-war/src/main/webapp/sign-in.xhtml
probe=todo-api-war/src/main/java/dev/todo/api/health/CiHotReloadProbe.java
dev_pid=
dev_group=

fail() {
    echo "run-command check FAILED: $*" >&2
    echo "--- last lines of the liberty:dev output ($log) ---" >&2
    tail -n 60 "$log" >&2 || true
    cleanup
    exit 1
}

cleanup() {
    git checkout -q -- "$page" 2>/dev/null || true
    rm -f "$probe"
    if [ -n "$dev_pid" ] && kill -0 "$dev_pid" 2>/dev/null; then
        kill -TERM -- "-$dev_group" 2>/dev/null || true
        sleep 10
        kill -KILL -- "-$dev_group" 2>/dev/null || true
    fi
}

await() { # await <seconds> <description> <command...>
    local limit=$1 what=$2
    shift 2
    local deadline=$((SECONDS + limit))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || fail "$what (waited ${limit} s)"
        sleep 2
    done
}

for port in 9080 15432; do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        fail "port $port is taken before the start; stop what listens there"
    fi
done

# A background job of a script ignores SIGINT; with job control on it runs in its own process group and takes
# SIGINT as a terminal's Ctrl-C would deliver it. Its input stays open and silent, as an idle terminal's does: at
# the end of its input (</dev/null) dev mode acts as if Enter were pressed and runs the tests after every change.
# A SIGINT ignored by whatever started this script stays ignored in its jobs; env --default-signal (GNU coreutils)
# restores it, as a terminal's shell would.
set -m
echo "run-command check: ./mvnw liberty:dev (log: $log)"
env --default-signal=INT sleep 2147483647 | env --default-signal=INT ./mvnw liberty:dev >"$log" 2>&1 &
dev_pid=$!
set +m
# The job's process group is the pipeline's first process, not ./mvnw.
dev_group=$(ps -o pgid= -p "$dev_pid" | tr -d ' ')

started=$SECONDS
await 300 "step 1: /health/ready was not UP within 5 minutes of ./mvnw liberty:dev" \
    bash -c "curl -sf $base/health/ready | grep -q '\"status\":\"UP\"'"
echo "run-command check: ready after $((SECONDS - started)) s"

curl -sfL "$base/" | grep -q '<title>Sign in' || fail "step 2: / does not lead to the sign-in page"
curl -sf "$base/api/ping" | grep -q '"UP"' || fail "step 3: the API does not answer at /api"
curl -sf "$base/health/ready" | grep -q '"database"' || fail "step 3: readiness does not report the database"

if ! $quick; then
    marker="hot-reload-$RANDOM$RANDOM"
    # MyFaces recompiles a page only when the file is newer than its compiled copy plus the refresh period (1 s):
    # an edit within a second of step 2's request would go unseen, which no person typing an edit ever hits.
    sleep 2
    grep -q '</h1>' "$page" || fail "step 4: cannot prepare the page change ($page has no </h1>)"
    sed -i "0,/<\/h1>/s//<\/h1><p id=\"ci-hot-reload\">$marker<\/p>/" "$page"
    await 90 "step 4: the changed sign-in page was not served after hot reload" \
        bash -c "curl -sf $base/sign-in | grep -q $marker"
    git checkout -q -- "$page"
    echo "run-command check: a changed page was served"

    cat >"$probe" <<EOF
package dev.todo.api.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("ci-hot-reload")
public class CiHotReloadProbe {
    @GET
    public String marker() {
        return "$marker";
    }
}
EOF
    await 180 "step 5: a new Java class was not compiled and served after hot reload" \
        bash -c "curl -sf $base/api/ci-hot-reload | grep -q $marker"
    rm -f "$probe"
    echo "run-command check: a new Java class was served"
fi

# A person presses Ctrl-C some time after the last change was served; by then dev mode has also compiled what
# depends on the change (the EAR module's tests). Wait until its output has been quiet for 10 s (at most 3 minutes).
quiet_since=$SECONDS
last_size=$(stat -c %s "$log")
deadline=$((SECONDS + 180))
while [ $((SECONDS - quiet_since)) -lt 10 ] && [ $SECONDS -lt $deadline ]; do
    sleep 1
    size=$(stat -c %s "$log")
    if [ "$size" != "$last_size" ]; then
        last_size=$size
        quiet_since=$SECONDS
    fi
done

kill -INT -- "-$dev_group"
interrupted=$SECONDS
deadline=$((SECONDS + 90))
while kill -0 "$dev_pid" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "step 6: liberty:dev was still running 90 s after Ctrl-C (SIGINT)"
    sleep 1
done
dev_pid=
sleep 2
if (echo >/dev/tcp/127.0.0.1/9080) 2>/dev/null; then
    fail "step 6: something still listens on port 9080 after Ctrl-C"
fi
if (echo >/dev/tcp/127.0.0.1/15432) 2>/dev/null || pgrep -f "postgres -D ${HOME}/.todo-on-liberty/pgdata" >/dev/null; then
    fail "step 6: the embedded PostgreSQL is still running after Ctrl-C"
fi
if pgrep -f "$(pwd)/target/liberty/wlp/.*ws-server.jar local" >/dev/null; then
    fail "step 6: a Liberty server is still running after Ctrl-C"
fi
echo "run-command check: passed (stopped $((SECONDS - interrupted)) s after Ctrl-C, leaving no Liberty server and no PostgreSQL)"
rm -f "$log"
