using Conversations.Testing.PostgreSql;

namespace Conversations.Host.Tests.PostgreSql;

/// <summary>One throwaway PostgreSQL server per test class; each test asks for its own fresh database.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresTestServer? _server;

    public PostgresTestServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialized.");

    public async Task InitializeAsync()
    {
        if (!PostgresTestServer.IsAvailable(out var reason))
        {
            throw new InvalidOperationException($"These tests need a local PostgreSQL installation: {reason}");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _server = await PostgresTestServer.StartAsync(timeout.Token);
    }

    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync($"t_{Guid.NewGuid():N}");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
