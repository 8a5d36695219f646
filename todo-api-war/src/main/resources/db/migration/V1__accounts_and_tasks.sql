-- Accounts and their tasks. Ids are UUIDs made by the application; every task belongs to exactly one account.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE app_user (
    id            uuid         PRIMARY KEY,
    email         varchar(320) NOT NULL,
    name          varchar(100) NOT NULL,
    password_hash varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 1
);

-- Email is unique ignoring case.
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

CREATE TABLE task (
    id            uuid          PRIMARY KEY,
    owner_id      uuid          NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    title         varchar(255)  NOT NULL,
    description   varchar(4000) NOT NULL DEFAULT '',
    priority      varchar(10)   NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH')),
    -- 1 (LOW) to 3 (HIGH), so that sorting by priority follows urgency rather than the alphabet.
    priority_rank smallint      NOT NULL CHECK (priority_rank BETWEEN 1 AND 3),
    category      varchar(10)   NOT NULL CHECK (category IN ('WORK', 'PERSONAL', 'HOME', 'OTHER')),
    due_at        timestamptz,
    remind_at     timestamptz,
    recurrence    varchar(10)   NOT NULL CHECK (recurrence IN ('NONE', 'DAILY', 'WEEKLY', 'MONTHLY')),
    completed     boolean       NOT NULL DEFAULT false,
    completed_at  timestamptz,
    -- The occurrence created when this recurring task was completed: completing twice creates it once.
    next_occurrence_id uuid,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL DEFAULT 1
);

CREATE INDEX task_owner_created_idx ON task (owner_id, created_at DESC);
CREATE INDEX task_owner_due_idx ON task (owner_id, due_at);
CREATE INDEX task_owner_completed_idx ON task (owner_id, completed);
-- Case-insensitive substring search (q) over title and description.
CREATE INDEX task_title_trgm_idx ON task USING gin (lower(title) gin_trgm_ops);
CREATE INDEX task_description_trgm_idx ON task USING gin (lower(description) gin_trgm_ops);

CREATE TABLE task_tag (
    task_id uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    tag     varchar(40) NOT NULL,
    PRIMARY KEY (task_id, tag)
);

CREATE INDEX task_tag_tag_idx ON task_tag (tag);
