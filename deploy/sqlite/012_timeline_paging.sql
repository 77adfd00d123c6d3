-- Orleans.Conversations, embedded SQLite: paged timeline reads.
-- Idempotent: safe to apply more than once. Applied when the service opens the file, by SqliteSchemaMigrator.

-- Lets a keyset page on (occurred_at, position) start at the cursor and stop after the page.
CREATE INDEX IF NOT EXISTS conversation_events_by_lead_occurred_at ON conversation_events (lead_key, occurred_at, position);
