-- Orleans.Conversations: paged timeline reads.
-- Idempotent: safe to apply more than once. Applied at startup by PostgreSqlSchemaMigrator.

-- GET /api/leads/{leadKey}/timeline reads a page with a keyset predicate on (occurred_at, position) and a LIMIT:
-- this index lets it start at the cursor and stop after the page, where conversation_events_by_lead would read
-- and sort the lead's whole timeline. conversation_events_by_lead stays: it serves the lead grain's reads by
-- position. Either index answers "does this lead exist" with one lookup.
-- Not CONCURRENTLY, because the migrator applies each script inside a transaction: on a large table, apply this
-- one by hand with CREATE INDEX CONCURRENTLY first (the IF NOT EXISTS below then does nothing).
CREATE INDEX IF NOT EXISTS conversation_events_by_lead_occurred_at
    ON conversation_events (lead_key, occurred_at, position);
