-- Orleans.Conversations: every accepted webhook delivery, kept as received (exact bytes) before it is
-- acknowledged, so it can be replayed through newer normalizers. Rows older than the configured retention
-- are deleted by the service. Idempotent.
CREATE TABLE IF NOT EXISTS webhook_deliveries
(
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    provider     text        NOT NULL,
    received_at  timestamptz NOT NULL,
    content_type text        NOT NULL,
    -- A subset of the request headers that carries no credential.
    headers      jsonb       NOT NULL,
    body         bytea       NOT NULL,
    -- accepted | ignored (an event type the normalizers did not handle when it arrived)
    outcome      text        NOT NULL,
    CONSTRAINT webhook_deliveries_pk PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS webhook_deliveries_by_received_at ON webhook_deliveries (received_at);
