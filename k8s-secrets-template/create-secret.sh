#!/bin/sh
# Creates or updates the Secret the charts read (default todo-secrets) from an env file, and never prints a value.
# Plain POSIX sh: it runs the same under macOS's bash 3.2, bash 5, dash or zsh's sh mode.
set -eu

usage() {
    cat >&2 <<'USAGE'
Usage: create-secret.sh [--name todo-secrets] [--namespace NS] [--in-cluster-db] [--rotate AUTH_SECRET]
                        [--postgres-password-changed] [--dry-run] FILE

Makes the Secret hold exactly the KEY=value lines of FILE that have a value, and says which keys it adds, changes,
keeps or removes. Running it again changes only what changed in FILE.

- AUTH_SECRET (or BETTER_AUTH_SECRET) is generated when neither is set, and written back into FILE.
- Keys whose change would sign everyone out or lock the api out (AUTH_SECRET, BETTER_AUTH_SECRET,
  ltpa_keys_password, POSTGRES_PASSWORD) are kept from the Secret when FILE lacks them, and written back into FILE.
- --rotate AUTH_SECRET makes a new token secret: every user is signed out.
- --in-cluster-db: the chart's own PostgreSQL; generates POSTGRES_PASSWORD into FILE. Later runs see it there and
  need neither the flag nor DATABASE_URL. A POSTGRES_PASSWORD that differs from the Secret's is refused (the
  database keeps the password it was created with) unless --postgres-password-changed says it was changed in the
  database first.
- --dry-run reports what would change and writes nothing.

Lines are KEY=value (an optional leading "export " is dropped); '#' starts a comment line; one pair of quotes around
a value is removed; CRLF line endings are fine. Needs kubectl, pointed at the cluster, and openssl.
USAGE
    exit 2
}

fail() {
    printf 'create-secret.sh: %s\n' "$*" >&2
    exit 1
}

name=todo-secrets
namespace=
in_cluster_db=false
rotate_auth_secret=false
postgres_password_changed=false
dry_run=false
env_file=
while [ $# -gt 0 ]; do
    case "$1" in
        --name) [ $# -ge 2 ] || usage; name="$2"; shift 2 ;;
        --namespace|-n) [ $# -ge 2 ] || usage; namespace="$2"; shift 2 ;;
        --in-cluster-db) in_cluster_db=true; shift ;;
        --rotate)
            [ $# -ge 2 ] || usage
            case "$2" in
                AUTH_SECRET) rotate_auth_secret=true ;;
                POSTGRES_PASSWORD) fail "POSTGRES_PASSWORD cannot be rotated from here: the in-cluster PostgreSQL keeps" \
                    "the password it was created with. Change it in the database (ALTER USER), put the new one in the" \
                    "file and run with --postgres-password-changed." ;;
                *) fail "--rotate takes AUTH_SECRET; change any other value in the file itself" ;;
            esac
            shift 2 ;;
        --postgres-password-changed) postgres_password_changed=true; shift ;;
        --dry-run) dry_run=true; shift ;;
        -h|--help) usage ;;
        -*) printf 'unknown option %s\n' "$1" >&2; usage ;;
        *) [ -z "$env_file" ] || usage; env_file="$1"; shift ;;
    esac
done
[ -n "$env_file" ] || usage
[ -r "$env_file" ] || fail "cannot read $env_file"
printf '%s' "$name" | grep -Eq '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$' || fail "--name must be a DNS name: $name"
[ -z "$namespace" ] || printf '%s' "$namespace" | grep -Eq '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' \
    || fail "--namespace must be a DNS label: $namespace"
command -v kubectl > /dev/null 2>&1 || fail "kubectl is not installed (or not on PATH)"
command -v openssl > /dev/null 2>&1 || fail "openssl is not installed (or not on PATH)"

kube() {
    if [ -n "$namespace" ]; then
        kubectl --namespace "$namespace" "$@"
    else
        kubectl "$@"
    fi
}

# Values live in files of a private directory, one per key, never in a command line or an eval.
umask 077
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$work/file" "$work/secret" "$work/new"
cr="$(printf '\r')"
crlf=false

is_key() {
    printf '%s' "$1" | grep -Eq '^[A-Za-z_][A-Za-z0-9_]*$'
}

# 1. FILE: each KEY=value line, checked; values into $work/file/KEY, keys in file order into $work/file-keys.
: > "$work/file-keys"
line_number=0
while IFS= read -r line || [ -n "$line" ]; do
    line_number=$((line_number + 1))
    case "$line" in *"$cr") crlf=true; line="${line%"$cr"}" ;; esac
    line="${line#"${line%%[![:space:]]*}"}"
    case "$line" in ''|'#'*) continue ;; 'export '*) line="${line#export }" ;; esac
    key="${line%%=*}"
    if [ "$key" = "$line" ] || ! is_key "$key"; then
        fail "$env_file, line $line_number: not a KEY=value line"
    fi
    value="${line#*=}"
    value="${value%"${value##*[![:space:]]}"}"
    case "$value" in
        \"*\"|\'*\') value="${value#?}"; value="${value%?}" ;;
    esac
    if [ -f "$work/file/$key.line" ]; then
        fail "$env_file: $key is set twice (lines $(cat "$work/file/$key.line") and $line_number); keep one"
    fi
    printf '%s' "$line_number" > "$work/file/$key.line"
    printf '%s' "$value" > "$work/file/$key"
    printf '%s\n' "$key" >> "$work/file-keys"
done < "$env_file"

has() { [ -s "$work/$1/$2" ]; }
get() { cat "$work/$1/$2"; }
byte_length() { wc -c < "$work/$1/$2" | tr -d ' '; }

# 2. The Secret as it is now, if it exists: KEY=base64 lines, and whether kubectl's client-side apply left a copy of
# every value in its last-applied annotation.
existing=
if ! existing="$(kube get secret "$name" --ignore-not-found -o go-template='{{range $k, $v := .data}}{{$k}}={{$v}}{{"\n"}}{{end}}{{with .metadata.annotations}}{{with index . "kubectl.kubernetes.io/last-applied-configuration"}}#last-applied{{"\n"}}{{end}}{{end}}')"; then
    if [ "$dry_run" = true ]; then
        echo "Cannot read the Secret $name from the cluster; the dry run assumes it does not exist yet."
        existing=
    else
        fail "kubectl cannot read the Secret $name: is it pointed at your cluster? (kubectl config current-context)"
    fi
fi
secret_exists=false
if [ -n "$existing" ]; then
    secret_exists=true
fi
last_applied=false
: > "$work/secret-keys"
while IFS= read -r entry; do
    case "$entry" in
        '#last-applied') last_applied=true ;;
        *=*)
            key="${entry%%=*}"
            if is_key "$key"; then
                printf '%s' "${entry#*=}" | openssl base64 -d -A > "$work/secret/$key"
                printf '%s\n' "$key" >> "$work/secret-keys"
            fi
            ;;
    esac
done <<EXISTING
$existing
EXISTING

# 3. What goes into the Secret: FILE's values, plus the guarded keys kept from the Secret or generated.
: > "$work/write-back"
for key in $(cat "$work/file-keys"); do
    if has file "$key"; then
        cp "$work/file/$key" "$work/new/$key"
    fi
done
keep_from_secret() {
    if ! has new "$1" && has secret "$1"; then
        cp "$work/secret/$1" "$work/new/$1"
        printf '%s\n' "$1" >> "$work/write-back"
        echo "$1: kept from the Secret $name (it was not in $env_file), and written back to it"
    fi
}
for key in AUTH_SECRET BETTER_AUTH_SECRET ltpa_keys_password POSTGRES_PASSWORD; do
    keep_from_secret "$key"
done

if [ "$rotate_auth_secret" = true ] || { ! has new AUTH_SECRET && ! has new BETTER_AUTH_SECRET; }; then
    openssl rand -base64 48 | tr -d '\n' > "$work/new/AUTH_SECRET"
    [ "$(byte_length new AUTH_SECRET)" -eq 64 ] || fail "openssl rand failed"
    printf '%s\n' AUTH_SECRET >> "$work/write-back"
    if [ "$rotate_auth_secret" = true ]; then
        echo "AUTH_SECRET: a new one (48 random bytes); every user is signed out once the pods restart"
        if has new BETTER_AUTH_SECRET; then
            echo "BETTER_AUTH_SECRET stays, but AUTH_SECRET is the one the servers use"
        fi
    else
        echo "AUTH_SECRET: generated (48 random bytes)"
    fi
fi
for key in AUTH_SECRET BETTER_AUTH_SECRET; do
    if has new "$key" && [ "$(byte_length new "$key")" -lt 32 ]; then
        fail "$key is $(byte_length new "$key") bytes long; it must be at least 32 (openssl rand -base64 48 makes one)"
    fi
done
if has new AUTH_SECRET && has new BETTER_AUTH_SECRET && ! cmp -s "$work/new/AUTH_SECRET" "$work/new/BETTER_AUTH_SECRET"; then
    echo "AUTH_SECRET and BETTER_AUTH_SECRET differ: the servers use AUTH_SECRET"
fi

# The in-cluster PostgreSQL is remembered through POSTGRES_PASSWORD: once it exists, the mode is on.
if has new POSTGRES_PASSWORD; then
    in_cluster_db=true
fi
if [ "$in_cluster_db" = true ]; then
    if ! has new POSTGRES_PASSWORD; then
        openssl rand -hex 24 | tr -d '\n' > "$work/new/POSTGRES_PASSWORD"
        [ "$(byte_length new POSTGRES_PASSWORD)" -eq 48 ] || fail "openssl rand failed"
        printf '%s\n' POSTGRES_PASSWORD >> "$work/write-back"
        echo "POSTGRES_PASSWORD: generated for the in-cluster PostgreSQL (24 random bytes, hex)"
    fi
    grep -Eq '^[A-Za-z0-9]+$' "$work/new/POSTGRES_PASSWORD" \
        || fail "POSTGRES_PASSWORD must be letters and digits only: it goes into DATABASE_URL"
    if has secret POSTGRES_PASSWORD && ! cmp -s "$work/secret/POSTGRES_PASSWORD" "$work/new/POSTGRES_PASSWORD" \
        && [ "$postgres_password_changed" = false ]; then
        fail "POSTGRES_PASSWORD in $env_file differs from the one in the Secret $name, which the in-cluster" \
            "PostgreSQL keeps from its first start: the api would be locked out. Put the Secret's back (kubectl get" \
            "secret $name -o jsonpath='{.data.POSTGRES_PASSWORD}' | openssl base64 -d -A), or change it in the" \
            "database first and run again with --postgres-password-changed."
    fi
else
    has new DATABASE_URL || fail "DATABASE_URL is missing in $env_file (or use --in-cluster-db for the chart's own PostgreSQL)"
fi
if has new DATABASE_URL; then
    case "$(get new DATABASE_URL)" in
        postgresql://*|postgres://*|jdbc:postgresql:*) ;;
        *) fail "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql:" ;;
    esac
fi
has new ltpa_keys_password \
    || echo "ltpa_keys_password: not set; the api image derives a stable one from AUTH_SECRET (or BETTER_AUTH_SECRET)"

# 4. What changes, by key name only.
new_keys="$(ls "$work/new" | sort)"
summary=
for key in $new_keys; do
    if ! has secret "$key"; then
        summary="$summary $key added,"
    elif cmp -s "$work/secret/$key" "$work/new/$key"; then
        summary="$summary $key kept,"
    else
        summary="$summary $key changed,"
    fi
done
for key in $(sort "$work/secret-keys"); do
    has new "$key" || summary="$summary $key removed,"
done
summary="${summary%,}"
if [ "$secret_exists" = true ]; then
    echo "Secret $name:$summary"
else
    echo "Secret $name (new):$summary"
fi

# 5. Generated and kept values into FILE first, so that none can be lost: an empty KEY= line is filled in place,
# the others are appended. The file keeps its line endings.
if [ -s "$work/write-back" ] && [ "$dry_run" = false ]; then
    [ -w "$env_file" ] || fail "cannot write $env_file, which must keep the generated values"
    eol='\n'
    [ "$crlf" = false ] || eol='\r\n'
    quoted() {
        case "$1" in
            *[[:space:]]|[[:space:]]*|\"*|\'*) printf '"%s"' "$1" ;;
            *) printf '%s' "$1" ;;
        esac
    }
    : > "$work/env-file"
    : > "$work/written"
    while IFS= read -r line || [ -n "$line" ]; do
        bare="${line%"$cr"}"
        trimmed="${bare#"${bare%%[![:space:]]*}"}"
        trimmed="${trimmed#export }"
        key="${trimmed%%=*}"
        if [ "$key" != "$trimmed" ] && is_key "$key" && grep -qxF "$key" "$work/write-back"; then
            printf "%s=%s$eol" "$key" "$(quoted "$(get new "$key")")" >> "$work/env-file"
            printf '%s\n' "$key" >> "$work/written"
        else
            printf "%s$eol" "$bare" >> "$work/env-file"
        fi
    done < "$env_file"
    for key in $(cat "$work/write-back"); do
        if ! grep -qxF "$key" "$work/written"; then
            printf "%s=%s$eol" "$key" "$(quoted "$(get new "$key")")" >> "$work/env-file"
        fi
    done
    cat "$work/env-file" > "$env_file"
    echo "$env_file: now holds $(sort -u "$work/write-back" | tr '\n' ' ' | sed 's/ $//'); keep it out of git"
fi

# 6. The Secret, applied server-side (no copy of the values goes into an annotation); then the keys FILE no longer
# has are removed (a merge patch: a key already gone is no error).
{
    printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n' "$name"
    [ -z "$namespace" ] || printf '  namespace: %s\n' "$namespace"
    printf '  labels:\n    app.kubernetes.io/part-of: todo\ntype: Opaque\ndata:\n'
    for key in $new_keys; do
        printf '  %s: %s\n' "$key" "$(openssl base64 -A < "$work/new/$key")"
    done
} > "$work/secret.yaml"
if [ "$dry_run" = true ]; then
    echo "Dry run: nothing written or applied"
    exit 0
fi
kube apply --server-side --field-manager=todo-create-secret --force-conflicts -f - < "$work/secret.yaml" > /dev/null
removed=
for key in $(sort "$work/secret-keys"); do
    if ! has new "$key"; then
        removed="$removed\"$key\":null,"
    fi
done
if [ -n "$removed" ]; then
    kube patch secret "$name" --type=merge -p "{\"data\":{${removed%,}}}" > /dev/null
fi
if [ "$last_applied" = true ]; then
    kube annotate secret "$name" kubectl.kubernetes.io/last-applied-configuration- > /dev/null
    echo "Removed the copy of every value that an earlier kubectl apply had left in the Secret's annotations"
fi
echo "Secret $name applied. Pods read it at start: kubectl rollout restart deployment -l app.kubernetes.io/part-of=todo"
