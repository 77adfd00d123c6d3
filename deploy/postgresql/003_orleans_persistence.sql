-- Orleans.Conversations: grain state for Microsoft.Orleans.Persistence.AdoNet (invariant "Npgsql").
-- Idempotent: safe to apply more than once. Applied at startup by PostgreSqlSchemaMigrator.
--
-- A grain's state is one row, identified by service, grain type and grain key. The provider sends the key in
-- pieces: two 64-bit numbers (GUID halves or an integer key; zero for string keys), a string (the string key or
-- the key extension; NULL when there is none) and two hashes of its own choosing used only to narrow lookups.
-- Version is the ETag: the provider sends the version it last read (@GrainStateVersion, NULL if it saw no row)
-- and treats a result equal to that version, or no result, as a write conflict (InconsistentStateException).

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              text        NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    -- '' stands for "no string part" so that the unique index below also covers keys without one.
    GrainIdExtensionString text        NOT NULL DEFAULT '',
    PayloadBinary          bytea       NULL,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now()
);

-- The strings are indexed through md5() so that a long string key cannot exceed the btree entry size limit.
CREATE UNIQUE INDEX IF NOT EXISTS orleansstorage_key
    ON OrleansStorage (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1,
                       md5(GrainTypeString), md5(GrainIdExtensionString));

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
('ReadFromStorageKey', $sql$
SELECT s.PayloadBinary, s.Version
FROM OrleansStorage s
WHERE s.ServiceId = @ServiceId
  AND s.GrainTypeHash = @GrainTypeHash AND s.GrainIdHash = @GrainIdHash
  AND s.GrainIdN0 = @GrainIdN0 AND s.GrainIdN1 = @GrainIdN1
  AND s.GrainTypeString = @GrainTypeString
  AND s.GrainIdExtensionString = coalesce(@GrainIdExtensionString, '');
$sql$),

-- First write (no version known): insert version 1, unless another activation got there first.
-- Later writes: update only the version that was read. Either way the new version is returned, or no row.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE OrleansStorage s
    SET PayloadBinary = @PayloadBinary, Version = s.Version + 1, ModifiedOn = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND s.Version = @GrainStateVersion
      AND s.ServiceId = @ServiceId
      AND s.GrainTypeHash = @GrainTypeHash AND s.GrainIdHash = @GrainIdHash
      AND s.GrainIdN0 = @GrainIdN0 AND s.GrainIdN1 = @GrainIdN1
      AND s.GrainTypeString = @GrainTypeString
      AND s.GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
    RETURNING s.Version
), inserted AS (
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeHash, GrainTypeString, GrainIdHash, GrainIdN0, GrainIdN1, GrainIdExtensionString,
         PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1,
                 md5(GrainTypeString), md5(GrainIdExtensionString)) DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version FROM inserted;
$sql$),

-- ClearStateAsync with DeleteStateOnClear = false (the default): keep the row, drop the payload, move the
-- version on so that a stale activation cannot resurrect the cleared state.
('ClearStorageKey', $sql$
UPDATE OrleansStorage s
SET PayloadBinary = NULL, Version = s.Version + 1, ModifiedOn = now()
WHERE s.Version = @GrainStateVersion
  AND s.ServiceId = @ServiceId
  AND s.GrainTypeHash = @GrainTypeHash AND s.GrainIdHash = @GrainIdHash
  AND s.GrainIdN0 = @GrainIdN0 AND s.GrainIdN1 = @GrainIdN1
  AND s.GrainTypeString = @GrainTypeString
  AND s.GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
RETURNING s.Version;
$sql$),

-- ClearStateAsync with DeleteStateOnClear = true. The provider only needs a value different from the version
-- it sent to know the delete happened; it then forgets the ETag.
('DeleteStorageKey', $sql$
DELETE FROM OrleansStorage s
WHERE s.Version = @GrainStateVersion
  AND s.ServiceId = @ServiceId
  AND s.GrainTypeHash = @GrainTypeHash AND s.GrainIdHash = @GrainIdHash
  AND s.GrainIdN0 = @GrainIdN0 AND s.GrainIdN1 = @GrainIdN1
  AND s.GrainTypeString = @GrainTypeString
  AND s.GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
RETURNING s.Version + 1;
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
