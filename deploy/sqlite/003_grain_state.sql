-- Orleans.Conversations, embedded SQLite: Orleans grain state (lead snapshots, stream subscriptions), written
-- by SqliteGrainStorage with an ETag for optimistic concurrency.
-- Idempotent: safe to apply more than once. Applied when the service opens the file, by SqliteSchemaMigrator.
CREATE TABLE IF NOT EXISTS grain_state (
    state_name TEXT NOT NULL,
    grain_id   TEXT NOT NULL,
    etag       TEXT NOT NULL,
    payload    BLOB NOT NULL,
    PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
