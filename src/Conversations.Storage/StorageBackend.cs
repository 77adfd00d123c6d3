namespace Conversations.Storage;

/// <summary>
/// Where this process stores everything, decided once by <see cref="StorageServiceCollectionExtensions.AddConversationsStorage"/>
/// and registered as a singleton, so that code outside storage (the silo's clustering) follows the same decision.
/// </summary>
public sealed class StorageBackend
{
    /// <summary>The embedded default: one SQLite file under <see cref="StorageOptions.DataDirectory"/>.</summary>
    public static readonly StorageBackend Sqlite = new("SQLite");

    /// <summary>PostgreSQL at <see cref="StorageOptions.PostgreSqlConnectionString"/>, shared by every silo of a cluster.</summary>
    public static readonly StorageBackend PostgreSql = new("PostgreSQL");

    private StorageBackend(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}
