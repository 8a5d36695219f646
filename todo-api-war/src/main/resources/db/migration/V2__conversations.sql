-- The assistant's conversations and every message in them, tool calls and tool results included, so that any
-- replica can continue any conversation by replaying it from here. Ids are UUIDs made by the application.

CREATE TABLE conversation (
    id         uuid         PRIMARY KEY,
    owner_id   uuid         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    title      varchar(120) NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL DEFAULT 1
);

CREATE INDEX conversation_owner_updated_idx ON conversation (owner_id, updated_at DESC);

CREATE TABLE conversation_message (
    id              uuid         PRIMARY KEY,
    conversation_id uuid         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    owner_id        uuid         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    -- 1, 2, 3... within the conversation: the order in which the messages are replayed to the model.
    position        integer      NOT NULL,
    role            varchar(10)  NOT NULL CHECK (role IN ('USER', 'ASSISTANT', 'TOOL')),
    content         text         NOT NULL DEFAULT '',
    -- ASSISTANT only: the tool calls it asked for, a JSON array of {id, name, arguments} kept exactly as sent.
    tool_calls      text,
    -- TOOL only: which call this result answers, the tool's name and a one-line summary for people.
    tool_call_id    varchar(200),
    tool_name       varchar(64),
    summary         varchar(500),
    created_at      timestamptz  NOT NULL,
    UNIQUE (conversation_id, position)
);

CREATE INDEX conversation_message_owner_idx ON conversation_message (owner_id, conversation_id, position);
