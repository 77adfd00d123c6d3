using System.Net;
using System.Text;
using Conversations.Host.Replay;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

/// <summary>
/// An authentic Breakcold delivery carries the shared secret in its body; what the archive table holds has it
/// redacted (read with SQL, not through the archive's own reader), and replaying that row still works.
/// </summary>
public sealed class ArchiveRedactionTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string Secret = "wh_example_secret_1";
    private const string SelectBodies = "SELECT body FROM webhook_deliveries WHERE provider = 'breakcold' ORDER BY id";

    private static readonly Dictionary<string, string?> BreakcoldWithSecret = new()
    {
        ["Conversations:Providers:Breakcold:Enabled"] = "true",
        ["Conversations:Providers:Breakcold:Secret"] = Secret,
    };

    [Fact]
    public async Task EmbeddedStore_ArchiveTableHoldsNoBreakcoldSecret_AndReplayStillWorks()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-redaction-").FullName;
        try
        {
            await using var host = ConversationsHostFactory.Embedded(dataDirectory, BreakcoldWithSecret);
            await AssertRedactedAndReplayableAsync(host, () => ReadSqliteBodiesAsync(Path.Combine(dataDirectory, SqliteDatabase.FileName)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSql_ArchiveTableHoldsNoBreakcoldSecret_AndReplayStillWorks()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = ConversationsHostFactory.PostgreSql(connectionString, BreakcoldWithSecret);
        await AssertRedactedAndReplayableAsync(host, () => ReadPostgreSqlBodiesAsync(connectionString));
    }

    private static async Task AssertRedactedAndReplayableAsync(ConversationsHostFactory host, Func<Task<List<byte[]>>> readArchiveTable)
    {
        using var client = host.CreateClient();
        var sent = Text("breakcold/05-campaign.email.reply.json");
        var response = await client.PostAsync("/webhooks/breakcold", Json(sent));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await response.ReadJsonAsync();

        var archived = Encoding.UTF8.GetString(Assert.Single(await readArchiveTable()));

        Assert.Contains(Secret, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, archived, StringComparison.Ordinal);
        Assert.Equal(sent.Replace($"\"{Secret}\"", "\"[redacted]\"", StringComparison.Ordinal), archived);

        // Replay runs the archived bytes through the normalizer without verifying them again: the redacted row
        // yields the same events, which the timeline already holds.
        var summary = await ReplayBreakcoldAsync(host);
        Assert.Equal((1, 0, 0), (summary.Deliveries, summary.Rejected, summary.Applied));
        Assert.Equal(received.GetProperty("events").GetInt32(), summary.Duplicates);
        Assert.True(summary.Duplicates > 0);
    }

    // The replayer the admin endpoint runs, called directly so this test does not depend on how admin callers authenticate.
    private static async Task<ReplayProgress> ReplayBreakcoldAsync(ConversationsHostFactory host)
    {
        var replayer = host.Services.GetRequiredService<DeliveryReplayer>();
        ReplayProgress? last = null;
        await foreach (var progress in replayer.ReplayAsync(new ReplayRequest("breakcold", null, null), CancellationToken.None)) last = progress;
        Assert.Equal(ReplayLineType.Summary, last?.Type);
        return last!;
    }

    private static async Task<List<byte[]>> ReadSqliteBodiesAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SelectBodies;
        return await ReadBodiesAsync(await command.ExecuteReaderAsync());
    }

    private static async Task<List<byte[]>> ReadPostgreSqlBodiesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(SelectBodies, connection);
        return await ReadBodiesAsync(await command.ExecuteReaderAsync());
    }

    private static async Task<List<byte[]>> ReadBodiesAsync(System.Data.Common.DbDataReader reader)
    {
        await using (reader)
        {
            var bodies = new List<byte[]>();
            while (await reader.ReadAsync()) bodies.Add((byte[])reader["body"]);
            return bodies;
        }
    }
}
