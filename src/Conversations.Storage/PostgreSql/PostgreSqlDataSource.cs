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
}
