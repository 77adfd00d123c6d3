-- Orleans.Conversations, embedded SQLite: the durable timeline log and the campaign funnel.
-- Idempotent: safe to apply more than once. Applied when the service opens the file, by SqliteSchemaMigrator.
-- Same tables as deploy/postgresql/010_timeline.sql; instants are stored as UTC ticks.

-- One row per canonical event; the unique event_id makes a redelivery a no-op.
CREATE TABLE IF NOT EXISTS conversation_events (
    position     INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id     TEXT    NOT NULL UNIQUE,
    lead_key     TEXT    NOT NULL,
    occurred_at  INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    provider     TEXT    NOT NULL,
    campaign_key TEXT    NULL,
    payload      TEXT    NOT NULL);
CREATE INDEX IF NOT EXISTS conversation_events_by_lead ON conversation_events (lead_key, position);

-- "Lead L reached stage S in campaign C", written in the same transaction as the events that imply it.
CREATE TABLE IF NOT EXISTS campaign_funnel (
    campaign_key TEXT NOT NULL,
    stage        TEXT NOT NULL,
    lead_key     TEXT NOT NULL,
    PRIMARY KEY (campaign_key, stage, lead_key)) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS campaigns (
    campaign_key TEXT NOT NULL PRIMARY KEY,
    name         TEXT NULL) WITHOUT ROWID;
