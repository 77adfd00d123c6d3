-- Orleans.Conversations, embedded SQLite: every accepted webhook delivery, kept as received (exact bytes)
-- before it is acknowledged, so it can be replayed. Rows older than the retention are deleted by the service.
-- Idempotent: safe to apply more than once. Applied when the service opens the file, by SqliteSchemaMigrator.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    provider     TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    content_type TEXT    NOT NULL,
    headers      TEXT    NOT NULL,
    body         BLOB    NOT NULL,
    outcome      TEXT    NOT NULL);
CREATE INDEX IF NOT EXISTS webhook_deliveries_by_received_at ON webhook_deliveries (received_at);
