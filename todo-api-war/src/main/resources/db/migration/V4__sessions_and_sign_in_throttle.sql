-- Every token the API issues is a row here, and the token's jti is the row's id. A request gets in only while its
-- row is there, not revoked and not expired, checked by primary key on every request: signing out, "sign out
-- everywhere", a password change and deleting the account (by the cascade) end tokens at once on every replica.
-- kind and scope leave room for personal access tokens as rows of this table (kind 'personal', scope 'read' or
-- 'read-write', no expiry): a later migration adds their name, the hash of their secret and the time of last use.
CREATE TABLE auth_session (
    id         uuid        PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind       varchar(20) NOT NULL DEFAULT 'sign-in' CHECK (kind IN ('sign-in')),
    scope      varchar(20) NOT NULL DEFAULT 'read-write' CHECK (scope IN ('read', 'read-write')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz,
    revoked_at timestamptz
);

-- Revoking all of an account's tokens, pruning its expired ones, and the cascade when it is deleted.
CREATE INDEX auth_session_account_idx ON auth_session (account_id);

-- Failed sign-ins per account (the lower-cased email tried) and per client address, shared by every replica and kept
-- across restarts. Both are stored as SHA-256 hashes: neither the emails people mistyped nor their addresses are
-- kept, and an email of any length makes a key of 32 bytes.
CREATE TABLE sign_in_throttle (
    kind            varchar(10) NOT NULL CHECK (kind IN ('account', 'client')),
    subject_hash    bytea       NOT NULL,
    failures        integer     NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz NOT NULL,
    blocked_until   timestamptz,
    PRIMARY KEY (kind, subject_hash)
);

-- Forgetting failures that are old enough.
CREATE INDEX sign_in_throttle_last_failure_idx ON sign_in_throttle (last_failure_at);
