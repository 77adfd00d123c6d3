using Npgsql;

namespace Conversations.Storage.PostgreSql;

public static class PostgreSqlDataSource
{
    /// <summary>The ADO.NET invariant name the Orleans providers (grain storage, clustering) load Npgsql by.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>
    /// A data source for the timeline store. Unless the connection string says otherwise, statements are
    /// prepared automatically: the store runs a handful of statements thousands of times a second, and
    /// planning each one anew costs PostgreSQL more than executing it.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        return builder.Build();
    }

    /// <summary>
    /// A data source whose statements PostgreSQL plans for the values of each call (<c>plan_cache_mode</c>
    /// <c>force_custom_plan</c>), for lookups in a table that grows from empty while the service runs: a plan
    /// cached while <c>lead_aliases</c> was nearly empty scanned the whole table on every lookup (5.8 ms a call
    /// against 0.05 ms, measured in the benchmark) until autovacuum next analyzed it.
    /// </summary>
    public static NpgsqlDataSource CreateForGrowingLookups(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Options = $"{builder.ConnectionStringBuilder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        return builder.Build();
    }
}
