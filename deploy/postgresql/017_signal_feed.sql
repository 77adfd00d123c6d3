-- Orleans.Conversations: the signal feed (GET /api/signals/stream). Idempotent: safe to apply more than once. Applied
-- at startup by PostgreSqlSchemaMigrator.
--
-- A signal's position is taken when it is inserted, not when its transaction commits, so a reader of
-- "position > last seen" could pass over a signal that commits late with a smaller position. committed_by is the id of
-- the transaction that stored the signal; the feed reads in (committed_by, position) order and only rows whose
-- transaction is older than every transaction still running (pg_snapshot_xmin of the current snapshot): no row can
-- appear behind those later. Rows stored before this script share the id of the transaction that applies it.
ALTER TABLE lead_signals ADD COLUMN IF NOT EXISTS committed_by xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE INDEX IF NOT EXISTS lead_signals_feed ON lead_signals (committed_by, position);
