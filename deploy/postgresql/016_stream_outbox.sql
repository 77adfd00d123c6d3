-- Orleans.Conversations: the stream outbox (signals step 2). Idempotent: safe to apply more than once. Applied at
-- startup by PostgreSqlSchemaMigrator.
--
-- Every transaction that stores new events or signals also writes what it stored here, one row per kind
-- (item_kind 1: event ids, 2: signal ids), under one outbox_id. The silo that committed publishes those items on
-- the streams at once and then deletes the rows. A row still here after attempt_after was not published (the silo
-- stopped, or publishing failed): any silo's relay claims it (moving attempt_after on by a lease, SKIP LOCKED so
-- two relays do not take the same row), publishes its items again from the tables, and deletes it.
-- Rows are deleted, never tailed by position, because an identity position is not commit order: a reader of
-- "position > last seen" can pass over a row whose transaction commits later with a smaller position.
CREATE TABLE IF NOT EXISTS stream_outbox
(
    outbox_id     uuid        NOT NULL,
    item_kind     smallint    NOT NULL,
    item_ids      text[]      NOT NULL,
    attempt_after timestamptz NOT NULL,
    CONSTRAINT stream_outbox_pk PRIMARY KEY (outbox_id, item_kind)
);

CREATE INDEX IF NOT EXISTS stream_outbox_due ON stream_outbox (attempt_after);
