using Microsoft.Extensions.Options;

namespace Conversations.Storage;

/// <summary>Where conversations are stored. Bound from the <c>Conversations:Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Conversations:Storage";

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
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.UsesPostgreSql && string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)} must name a folder when no PostgreSQL connection string is configured.");
        if (options.MaxBatchSize is < 1 or > 10_000)
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.MaxBatchSize)} must be between 1 and 10000 (was {options.MaxBatchSize}).");
        if (options.Writers is < 1 or > 64)
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.Writers)} must be between 1 and 64 (was {options.Writers}).");
        if (options.UsesPostgreSql)
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString);
            }
            catch (ArgumentException)
            {
                // The message of the exception could echo the password: say only which setting is wrong.
                failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.PostgreSqlConnectionString)} is not a valid PostgreSQL connection string.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
