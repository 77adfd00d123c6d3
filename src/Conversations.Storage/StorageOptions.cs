using Microsoft.Extensions.Configuration;

namespace Conversations.Storage;

/// <summary>Where conversations are stored. Bound from the <c>Conversations:Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Conversations:Storage";

    /// <summary>The name under <c>ConnectionStrings</c> also read for <see cref="PostgreSqlConnectionString"/>.</summary>
    public const string ConnectionStringName = "PostgreSql";

    /// <summary>
    /// A PostgreSQL connection string. When empty (the default), everything is stored in an embedded SQLite
    /// database under <see cref="DataDirectory"/>. Also read from <c>ConnectionStrings:PostgreSql</c>.
    /// </summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Folder of the embedded database. Default <c>data</c>, relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The most appends committed in one transaction. Default 1024.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>Concurrent group-commit writers (PostgreSQL only; SQLite has one writer). Default 4.</summary>
    public int Writers { get; set; } = 4;

    /// <summary>Apply the schema (idempotent) when the service starts. Default true.</summary>
    public bool ApplySchemaOnStartup { get; set; } = true;

    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSqlConnectionString);

    /// <summary>
    /// The PostgreSQL connection string in <paramref name="configuration"/>: this section's setting, else
    /// <c>ConnectionStrings:PostgreSql</c>. The one place both the options and the backend choice read it from.
    /// </summary>
    internal static string? PostgreSqlConnectionStringIn(IConfiguration configuration)
    {
        var configured = configuration[$"{SectionName}:{nameof(PostgreSqlConnectionString)}"];
        return string.IsNullOrWhiteSpace(configured) ? configuration.GetConnectionString(ConnectionStringName) : configured;
    }
}
