using Conversations.Testing.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.PostgreSql;

public sealed class PostgresTestServerTests
{
    [Fact]
    public async Task StartAsync_ServesLoopbackOnlyWithFsyncOn_AndDisposeStopsItAndDeletesItsFiles()
    {
        Assert.True(PostgresTestServer.IsAvailable(out var reason), reason);
        string dataDirectory;
        int postmasterPid;

        await using (var server = await PostgresTestServer.StartAsync(CancellationToken.None))
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT current_setting('fsync'), current_setting('listen_addresses'), current_setting('data_directory'), current_database()",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("on", reader.GetString(0));
            Assert.Equal("127.0.0.1", reader.GetString(1));
            dataDirectory = reader.GetString(2);
            Assert.Equal(PostgresTestServer.DefaultDatabase, reader.GetString(3));
            postmasterPid = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First());

            var otherDatabase = await server.CreateDatabaseAsync("second_database");
            await using var other = new NpgsqlConnection(otherDatabase);
            await other.OpenAsync();
            Assert.Equal("second_database", other.Database);
        }

        Assert.False(Directory.Exists(dataDirectory));
        Assert.False(IsRunning(postmasterPid));
    }

    // A stopped postmaster is re-parented to init and can linger as a zombie until init reaps it: that is not running.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
