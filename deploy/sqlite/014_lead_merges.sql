-- Orleans.Conversations, embedded SQLite: merging and unmerging leads (identity step 2). Same schema as
-- deploy/postgresql/014_lead_merges.sql; times are UTC ticks like occurred_at.
-- NOT idempotent by itself: SqliteSchemaMigrator's record applies it once per file.

CREATE TABLE lead_lineage (
    lead_id     TEXT    NOT NULL PRIMARY KEY,
    merged_into TEXT    NULL,
    generation  INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE lead_merges (
    merge_id        TEXT    NOT NULL PRIMARY KEY,
    survivor_id     TEXT    NOT NULL,
    absorbed_id     TEXT    NOT NULL,
    merged_at       INTEGER NOT NULL,
    merged_by_event TEXT    NULL,
    unmerged_at     INTEGER NULL) WITHOUT ROWID;

CREATE INDEX lead_merges_by_survivor ON lead_merges (survivor_id);

CREATE TABLE lead_merge_members (
    merge_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (merge_id, kind, value)) WITHOUT ROWID;
