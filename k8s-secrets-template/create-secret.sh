#!/usr/bin/env bash
# Creates or updates the Secret the charts read (default todo-secrets) from an env file, without ever printing a
# value. Checks the required keys, generates AUTH_SECRET, ltpa_keys_password (and POSTGRES_PASSWORD for the
# in-cluster database) when absent, and applies the result with kubectl, so running it again after an edit
# updates the Secret in place.
#
#   ./create-secret.sh [--name todo-secrets] [--namespace NS] [--in-cluster-db] [--dry-run] todo-secrets.env
#
# Keys from the seed (DATABASE_URL, BETTER_AUTH_SECRET, OPENAI_API_KEY, XIAOMI_API_KEY) work unchanged.
set -euo pipefail

usage() {
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

name=todo-secrets
namespace=
in_cluster_db=false
dry_run=false
env_file=
while [ $# -gt 0 ]; do
    case "$1" in
        --name) name="${2:?--name needs a value}"; shift 2 ;;
        --namespace|-n) namespace="${2:?--namespace needs a value}"; shift 2 ;;
        --in-cluster-db) in_cluster_db=true; shift ;;
        --dry-run) dry_run=true; shift ;;
        -h|--help) usage ;;
        -*) echo "unknown option $1" >&2; usage ;;
        *) env_file="$1"; shift ;;
    esac
done
[ -n "$env_file" ] || usage
[ -r "$env_file" ] || { echo "cannot read $env_file" >&2; exit 1; }

# The value of KEY in the env file ('' when absent); the last line wins, as with kubectl --from-env-file.
value_of() {
    local line
    line="$(grep -E "^[[:space:]]*$1=" "$env_file" | tail -n 1 || true)"
    printf '%s' "${line#*=}"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
# Only KEY=value lines with a value go on: empty keys stay out of the Secret instead of becoming empty strings.
grep -E '^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*=.+' "$env_file" | sed 's/^[[:space:]]*//' > "$work/secret.env" || true

auth_secret="$(value_of AUTH_SECRET)"
[ -n "$auth_secret" ] || auth_secret="$(value_of BETTER_AUTH_SECRET)"
if [ -z "$auth_secret" ]; then
    printf 'AUTH_SECRET=%s\n' "$(openssl rand -base64 48 | tr -d '\n')" >> "$work/secret.env"
    echo "AUTH_SECRET: generated (48 random bytes)"
elif [ "${#auth_secret}" -lt 32 ]; then
    echo "AUTH_SECRET (or BETTER_AUTH_SECRET) must be at least 32 bytes long" >&2
    exit 1
fi

# Liberty 26.0.0.4 and later refuse every sign-in on the api, bearer tokens included, while its LTPA keys have no
# password. The Open Liberty image's start script makes a new one up at each container start when the variable is
# unset, and that one cannot read the keys an earlier start left in the pod's output emptyDir; a stable one from
# the Secret can. Liberty reads the variable under exactly this lower-case name.
if [ -z "$(value_of ltpa_keys_password)" ]; then
    printf 'ltpa_keys_password=%s\n' "$(openssl rand -base64 32 | tr -d '\n')" >> "$work/secret.env"
    echo "ltpa_keys_password: generated (32 random bytes)"
fi

if [ "$in_cluster_db" = true ]; then
    if [ -z "$(value_of POSTGRES_PASSWORD)" ]; then
        printf 'POSTGRES_PASSWORD=%s\n' "$(openssl rand -hex 24)" >> "$work/secret.env"
        echo "POSTGRES_PASSWORD: generated for the in-cluster PostgreSQL"
    elif ! value_of POSTGRES_PASSWORD | grep -Eq '^[A-Za-z0-9]+$'; then
        echo "POSTGRES_PASSWORD must be letters and digits only: it goes into DATABASE_URL" >&2
        exit 1
    fi
else
    database_url="$(value_of DATABASE_URL)"
    if [ -z "$database_url" ]; then
        echo "DATABASE_URL is missing in $env_file (or use --in-cluster-db for the chart's own PostgreSQL)" >&2
        exit 1
    fi
    case "$database_url" in
        postgresql://*|postgres://*|jdbc:postgresql:*) ;;
        *) echo "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql:" >&2; exit 1 ;;
    esac
fi

echo "Secret $name will hold: $(cut -d= -f1 "$work/secret.env" | sort -u | paste -sd ' ' -)"
namespace_args=()
[ -z "$namespace" ] || namespace_args=(--namespace "$namespace")
manifest() {
    kubectl create secret generic "$name" "${namespace_args[@]}" --from-env-file="$work/secret.env" \
        --dry-run=client -o yaml
}
if [ "$dry_run" = true ]; then
    manifest > /dev/null
    echo "Dry run: nothing applied"
else
    manifest | kubectl apply -f - > /dev/null
    echo "Secret $name applied. Pods read it at start: kubectl rollout restart deployment -l app.kubernetes.io/part-of=todo"
fi
