-- Orleans.Conversations: signals (signals step 1), written in the same transaction as the events that trigger them.
-- Idempotent: safe to apply more than once. Applied at startup by PostgreSqlSchemaMigrator.
--
-- signal_id is deterministic (type, lead and what the signal is about), so a signal found again is not stored again.
-- evidence: the ids of the events it rests on, as a JSON array. position orders signals as they were stored, for
-- the delivery to subscribers that reads them next. A merge moves the absorbed lead's signals to the survivor; an
-- unmerge gives back those whose evidence events all went back with it.
CREATE TABLE IF NOT EXISTS lead_signals
(
    signal_id    text        NOT NULL,
    position     bigint      GENERATED ALWAYS AS IDENTITY,
    type         text        NOT NULL,
    lead_id      text        NOT NULL,
    campaign_key text        NULL,
    evidence     jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL,
    detected_at  timestamptz NOT NULL,
    CONSTRAINT lead_signals_pk PRIMARY KEY (signal_id)
);

CREATE INDEX IF NOT EXISTS lead_signals_by_lead ON lead_signals (lead_id, occurred_at);

CREATE INDEX IF NOT EXISTS lead_signals_by_campaign ON lead_signals (campaign_key, occurred_at) WHERE campaign_key IS NOT NULL;
