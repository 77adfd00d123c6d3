-- Orleans.Conversations, embedded SQLite: signals. Same schema as deploy/postgresql/015_signals.sql; times are UTC
-- ticks like occurred_at. NOT idempotent by itself: SqliteSchemaMigrator's record applies it once per file.

CREATE TABLE lead_signals (
    position     INTEGER PRIMARY KEY AUTOINCREMENT,
    signal_id    TEXT    NOT NULL UNIQUE,
    type         TEXT    NOT NULL,
    lead_id      TEXT    NOT NULL,
    campaign_key TEXT    NULL,
    evidence     TEXT    NOT NULL,
    occurred_at  INTEGER NOT NULL,
    detected_at  INTEGER NOT NULL);

CREATE INDEX lead_signals_by_lead ON lead_signals (lead_id, occurred_at);

CREATE INDEX lead_signals_by_campaign ON lead_signals (campaign_key, occurred_at) WHERE campaign_key IS NOT NULL;
