using Microsoft.Extensions.Options;

namespace Conversations.Storage;

/// <summary>Fails at startup naming the storage setting that is wrong, never echoing a connection string.</summary>
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
