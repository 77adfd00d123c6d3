-- Orleans.Conversations: paged timeline reads.
-- Idempotent: safe to apply more than once. Applied at startup by PostgreSqlSchemaMigrator.

-- GET /api/leads/{leadKey}/timeline reads a page with a keyset predicate on (occurred_at, position) and a LIMIT:
-- this index lets it start at the cursor and stop after the page, where conversation_events_by_lead would read
-- and sort the lead's whole timeline. conversation_events_by_lead stays: it serves the lead grain's reads by
-- position. Either index answers "does this lead exist" with one lookup.
-- Not CONCURRENTLY, because the migrator applies each script inside a transaction: on a large table, apply this
-- one by hand with CREATE INDEX CONCURRENTLY first (the IF NOT EXISTS below then does nothing).
-- Only while lead_key exists: 013_lead_ids.sql replaces this index with one on lead_id.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'conversation_events' AND column_name = 'lead_key') THEN
        CREATE INDEX IF NOT EXISTS conversation_events_by_lead_occurred_at
            ON conversation_events (lead_key, occurred_at, position);
    END IF;
END
$$;
