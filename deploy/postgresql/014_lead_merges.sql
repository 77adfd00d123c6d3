-- Orleans.Conversations: merging and unmerging leads (identity step 2).
-- Idempotent: safe to apply more than once. Applied at startup by PostgreSqlSchemaMigrator.
--
-- A merge moves the absorbed lead's aliases, timeline rows and funnel marks to the survivor in one transaction
-- and records what moved, so that an unmerge can put it back. Only leads that took part in a merge have rows here:
-- the common path reads lead_lineage by primary key and finds nothing.

-- merged_into: the lead that absorbed this one (NULL while it stands on its own); follow it to the end.
-- generation: how many merges and unmerges moved rows into or out of this lead; a grain whose state was built at
-- another generation rebuilds it from the log.
CREATE TABLE IF NOT EXISTS lead_lineage
(
    lead_id     text    NOT NULL,
    merged_into text    NULL,
    generation  integer NOT NULL,
    CONSTRAINT lead_lineage_pk PRIMARY KEY (lead_id)
);

-- One row per merge of two leads; unmerged_at is set when an operator undoes it (the record is kept).
CREATE TABLE IF NOT EXISTS lead_merges
(
    merge_id        text        NOT NULL,
    survivor_id     text        NOT NULL,
    absorbed_id     text        NOT NULL,
    merged_at       timestamptz NOT NULL,
    merged_by_event text        NULL,
    unmerged_at     timestamptz NULL,
    CONSTRAINT lead_merges_pk PRIMARY KEY (merge_id)
);

CREATE INDEX IF NOT EXISTS lead_merges_by_survivor ON lead_merges (survivor_id);

-- What a merge moved from the absorbed lead: its aliases (kind 'alias') and its timeline rows (kind 'event').
CREATE TABLE IF NOT EXISTS lead_merge_members
(
    merge_id text NOT NULL,
    kind     text NOT NULL,
    value    text NOT NULL,
    CONSTRAINT lead_merge_members_pk PRIMARY KEY (merge_id, kind, value)
);
