-- Orleans.Conversations: leads get opaque ids (ld_ + 32 hex digits); the keys they were stored under become
-- their aliases in a directory (lead_aliases), so one lead can later answer to several aliases.
-- Idempotent: safe to apply more than once (the data step runs only while conversation_events.lead_key still
-- exists). Applied at startup by PostgreSqlSchemaMigrator.
--
-- Upgrade: every distinct old lead key becomes one lead with a fresh random id and that key as its one alias;
-- every event row and funnel row gets its lead's id, and conversation_events.arrived_as keeps the old key.
-- A fresh database takes the same path with no rows, so both end with the same schema.
--
-- On a large database this takes a while and blocks the service: it rewrites every row of conversation_events
-- and campaign_funnel and builds two indexes, in one transaction, holding ACCESS EXCLUSIVE locks on both tables
-- until it commits (reads and appends wait). Time grows roughly linearly with the number of event rows (plus
-- an n log n index sort), and the table needs disk for a second copy of its rows until VACUUM reclaims the old
-- ones. The migrator's statements obey the connection string's Command Timeout (Npgsql default 30 s): raise it
-- for this upgrade, or apply this file by hand first (psql --single-transaction -f) and start the service after.

CREATE TABLE IF NOT EXISTS lead_aliases
(
    alias           text        NOT NULL,
    lead_id         text        NOT NULL,
    linked_at       timestamptz NOT NULL DEFAULT now(),
    -- The event whose arrival linked this alias; NULL for aliases created by this migration.
    linked_by_event text        NULL,
    CONSTRAINT lead_aliases_pk PRIMARY KEY (alias)
);

-- Dropped before the rewrite, so the update does not maintain them row by row.
DROP INDEX IF EXISTS conversation_events_by_lead;
DROP INDEX IF EXISTS conversation_events_by_lead_occurred_at;

-- One guard for both tables: the block is one statement, so they are never found half migrated.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'conversation_events' AND column_name = 'lead_key') THEN
        INSERT INTO lead_aliases (alias, lead_id)
        SELECT lead_key, 'ld_' || replace(gen_random_uuid()::text, '-', '')
        FROM (SELECT lead_key FROM conversation_events UNION SELECT lead_key FROM campaign_funnel) AS old_keys
        ON CONFLICT (alias) DO NOTHING;

        ALTER TABLE conversation_events ADD COLUMN lead_id text NULL;
        UPDATE conversation_events AS e SET lead_id = a.lead_id FROM lead_aliases AS a WHERE a.alias = e.lead_key;
        ALTER TABLE conversation_events ALTER COLUMN lead_id SET NOT NULL;
        ALTER TABLE conversation_events RENAME COLUMN lead_key TO arrived_as;

        -- In place: the key prefixes (email:, phone:, ...) never look like ld_ ids, so no interim row collides
        -- in the primary key, which follows the renamed column.
        UPDATE campaign_funnel AS f SET lead_key = a.lead_id FROM lead_aliases AS a WHERE a.alias = f.lead_key;
        ALTER TABLE campaign_funnel RENAME COLUMN lead_key TO lead_id;
    END IF;
END
$$;

CREATE INDEX IF NOT EXISTS lead_aliases_by_lead ON lead_aliases (lead_id);

CREATE INDEX IF NOT EXISTS conversation_events_by_lead_id
    ON conversation_events (lead_id, position);

-- Not CONCURRENTLY, like 012: the migrator applies each script inside a transaction.
CREATE INDEX IF NOT EXISTS conversation_events_by_lead_id_occurred_at
    ON conversation_events (lead_id, occurred_at, position);
