#!/bin/sh
# The api image's entry point: gives Liberty a stable LTPA keys password, then runs the command it is given (the Open
# Liberty image's own entry point, which starts the server).
#
# The api checks its tokens itself, but Liberty's security service still sets up LTPA keys and logs an error
# (CWWKS4118E) at every start while they have no password. The keys it writes at its first start in a pod are locked
# with that password: a container restarted in the same pod finds them in the output emptyDir and opens them again.
# Without ltpa_keys_password in the Secret (a Secret from the seed has none) the password is derived from AUTH_SECRET
# (or BETTER_AUTH_SECRET), which stays as long as the tokens it signs stay valid. Without either secret the server
# reports not ready anyway.
set -eu

if [ -z "${ltpa_keys_password:-}" ]; then
    token_secret="${AUTH_SECRET:-${BETTER_AUTH_SECRET:-}}"
    if [ -n "$token_secret" ]; then
        # printf is a shell builtin, so the secret reaches sha256sum on its standard input, never on a command line.
        ltpa_keys_password="$(printf 'todo-on-liberty ltpa_keys_password\n%s' "$token_secret" | sha256sum | cut -d ' ' -f 1)"
        export ltpa_keys_password
    fi
    unset token_secret
fi

exec "$@"
