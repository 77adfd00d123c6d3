-- Orleans.Conversations: the statement table the Orleans ADO.NET providers read at startup.
-- Idempotent: safe to apply more than once. Applied at startup by PostgreSqlSchemaMigrator.
--
-- The providers (invariant "Npgsql") run `SELECT QueryKey, QueryText FROM OrleansQuery` and then execute the
-- stored statements by key, binding parameters by name (@DeploymentId, @GrainIdHash, ...) and reading result
-- columns by name, case-insensitively. The statements are ours: 002-004 define them with INSERT ... ON CONFLICT
-- so that a later script can replace a statement without a manual step.
-- Identifiers are unquoted on purpose: the providers' own SELECT is unquoted and so folds to lower case.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (QueryKey)
);
