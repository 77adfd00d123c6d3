-- Orleans.Conversations, embedded SQLite: leads get opaque ids (ld_ + 32 hex digits); the keys they were stored
-- under become their aliases in a directory (lead_aliases). Same schema as deploy/postgresql/013_lead_ids.sql.
-- NOT idempotent: SQLite has no conditional DDL, so the guard is SqliteSchemaMigrator's record
-- (conversations_schema_migrations), which applies it once per file. Files that predate the record predate this
-- script too, so they still have lead_key when it runs.
--
-- Upgrade: every distinct old lead key becomes one lead with a fresh random id and that key as its one alias;
-- every event row and funnel row gets its lead's id, and conversation_events.arrived_as keeps the old key.
-- A new file takes the same path with no rows, so both end with the same schema.
--
-- On a large file this takes a while: conversation_events is copied into a new table (SQLite cannot add a
-- NOT NULL column without a default) and campaign_funnel is rewritten, in one transaction that holds the
-- file's write lock until it commits. Time grows roughly linearly with the number of event rows, and the file
-- needs room for a second copy of the events until it is vacuumed.

-- linked_by_event: the event whose arrival linked the alias; NULL for aliases created by this migration.
CREATE TABLE lead_aliases (
    alias           TEXT    NOT NULL PRIMARY KEY,
    lead_id         TEXT    NOT NULL,
    linked_at       INTEGER NOT NULL,
    linked_by_event TEXT    NULL) WITHOUT ROWID;

-- linked_at is UTC ticks like occurred_at: .NET ticks count 100 ns from 0001-01-01, 62135596800 s before 1970.
INSERT INTO lead_aliases (alias, lead_id, linked_at)
SELECT lead_key, 'ld_' || lower(hex(randomblob(16))), (unixepoch('now') + 62135596800) * 10000000
FROM (SELECT lead_key FROM conversation_events UNION SELECT lead_key FROM campaign_funnel);

CREATE INDEX lead_aliases_by_lead ON lead_aliases (lead_id);

CREATE TABLE conversation_events_013 (
    position     INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id     TEXT    NOT NULL UNIQUE,
    arrived_as   TEXT    NOT NULL,
    occurred_at  INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    provider     TEXT    NOT NULL,
    campaign_key TEXT    NULL,
    payload      TEXT    NOT NULL,
    lead_id      TEXT    NOT NULL);

INSERT INTO conversation_events_013
    (position, event_id, arrived_as, occurred_at, received_at, kind, provider, campaign_key, payload, lead_id)
SELECT e.position, e.event_id, e.lead_key, e.occurred_at, e.received_at, e.kind, e.provider, e.campaign_key, e.payload, a.lead_id
FROM conversation_events AS e JOIN lead_aliases AS a ON a.alias = e.lead_key
ORDER BY e.position;

-- The new table must continue the old sequence, not restart at the highest copied position: AUTOINCREMENT
-- promises that a position is never handed out twice, even after the rows that had the highest ones are gone.
DELETE FROM sqlite_sequence WHERE name = 'conversation_events_013';
UPDATE sqlite_sequence SET name = 'conversation_events_013' WHERE name = 'conversation_events';

-- Takes conversation_events_by_lead and conversation_events_by_lead_occurred_at with it.
DROP TABLE conversation_events;
ALTER TABLE conversation_events_013 RENAME TO conversation_events;

CREATE INDEX conversation_events_by_lead_id ON conversation_events (lead_id, position);
CREATE INDEX conversation_events_by_lead_id_occurred_at ON conversation_events (lead_id, occurred_at, position);

-- In place: the key prefixes (email:, phone:, ...) never look like ld_ ids, so no interim row collides in the
-- primary key, which follows the renamed column.
UPDATE campaign_funnel SET lead_key = (SELECT a.lead_id FROM lead_aliases AS a WHERE a.alias = campaign_funnel.lead_key);
ALTER TABLE campaign_funnel RENAME COLUMN lead_key TO lead_id;
