-- Orleans.Conversations: the durable timeline log and the campaign funnel.
-- Idempotent: safe to apply more than once. Applied at startup by PostgreSqlSchemaMigrator.

-- One row per canonical event. event_id is deterministic (derived from the provider's delivery), so the
-- primary key is what makes a redelivery a no-op. position is the arrival order, used to catch a lead's
-- snapshot up with the log; timelines are sorted by occurred_at, then position (a lead's rows are few, so the
-- sort is cheap and one index serves both reads).
CREATE TABLE IF NOT EXISTS conversation_events
(
    position     bigint      GENERATED ALWAYS AS IDENTITY,
    event_id     text        NOT NULL,
    lead_key     text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    kind         text        NOT NULL,
    provider     text        NOT NULL,
    campaign_key text        NULL,
    payload      jsonb       NOT NULL,
    CONSTRAINT conversation_events_pk PRIMARY KEY (event_id)
);

-- Only while lead_key exists: 013_lead_ids.sql renames it and replaces this index, and applying every script
-- again by hand must not fail on it.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'conversation_events' AND column_name = 'lead_key') THEN
        CREATE INDEX IF NOT EXISTS conversation_events_by_lead
            ON conversation_events (lead_key, position);
    END IF;
END
$$;

-- "Lead L reached stage S in campaign C", written in the same transaction as the events that imply it.
-- Counting rows per stage gives unique-lead funnel counts that stay exact under duplicates and restarts,
-- without routing every event through one campaign grain.
CREATE TABLE IF NOT EXISTS campaign_funnel
(
    campaign_key text NOT NULL,
    stage        text NOT NULL,
    lead_key     text NOT NULL,
    CONSTRAINT campaign_funnel_pk PRIMARY KEY (campaign_key, stage, lead_key)
);

CREATE TABLE IF NOT EXISTS campaigns
(
    campaign_key  text        NOT NULL,
    name          text        NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT campaigns_pk PRIMARY KEY (campaign_key)
);
