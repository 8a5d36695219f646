-- Personal access tokens are auth_session rows of kind 'personal': the token is a JWT signed like every other, its
-- jti the row's id, so nothing of the token itself is stored. They have a name, a scope ('read' or 'read-write'),
-- maybe no expiry, and the time they were last used (written at most once a minute per token). Rows of every kind
-- go on being checked by primary key on each request, and revoking all of an account's rows ("sign out everywhere",
-- a password change) ends its personal tokens too.
ALTER TABLE auth_session DROP CONSTRAINT auth_session_kind_check;
ALTER TABLE auth_session ADD CONSTRAINT auth_session_kind_check CHECK (kind IN ('sign-in', 'personal'));
ALTER TABLE auth_session ADD COLUMN name varchar(100);
ALTER TABLE auth_session ADD COLUMN last_used_at timestamptz;
ALTER TABLE auth_session ADD CONSTRAINT auth_session_personal_named CHECK (kind <> 'personal' OR name IS NOT NULL);

-- The private calendar feed of an account, at most one. Its URL carries the row's id and a signature of it made
-- with AUTH_SECRET, so the URL can be shown again to its owner while nothing secret is stored; deleting the row
-- (turning the feed off, making a new link, "sign out everywhere") ends the URL at once on every replica.
CREATE TABLE calendar_feed (
    id              uuid        PRIMARY KEY,
    account_id      uuid        NOT NULL UNIQUE REFERENCES app_user (id) ON DELETE CASCADE,
    time_zone       varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL,
    last_fetched_at timestamptz
);

-- What an import created, by the key of its source row (an exported task's or conversation's id, or a digest of a
-- CSV row without one), so that importing the same file again creates nothing twice. A row goes with the task or
-- conversation it made: importing again after deleting one brings that one back.
CREATE TABLE imported_item (
    owner_id        uuid         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    source_key      varchar(100) NOT NULL,
    task_id         uuid         REFERENCES task (id) ON DELETE CASCADE,
    conversation_id uuid         REFERENCES conversation (id) ON DELETE CASCADE,
    imported_at     timestamptz  NOT NULL,
    PRIMARY KEY (owner_id, source_key),
    CHECK ((task_id IS NULL) <> (conversation_id IS NULL))
);

CREATE INDEX imported_item_task_idx ON imported_item (task_id);
CREATE INDEX imported_item_conversation_idx ON imported_item (conversation_id);
