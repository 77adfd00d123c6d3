-- Orleans.Conversations, embedded SQLite: the stream outbox. Same schema and use as
-- deploy/postgresql/016_stream_outbox.sql; item_ids is a JSON array of ids, attempt_after UTC ticks.
-- NOT idempotent by itself: SqliteSchemaMigrator's record applies it once per file.

CREATE TABLE stream_outbox (
    outbox_id     TEXT    NOT NULL,
    item_kind     INTEGER NOT NULL,
    item_ids      TEXT    NOT NULL,
    attempt_after INTEGER NOT NULL,
    PRIMARY KEY (outbox_id, item_kind));

CREATE INDEX stream_outbox_due ON stream_outbox (attempt_after);
