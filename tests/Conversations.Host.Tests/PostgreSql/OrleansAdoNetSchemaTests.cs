using System.Net;
using Conversations.Storage.PostgreSql;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;

namespace Conversations.Host.Tests.PostgreSql;

/// <summary>
/// Our own PostgreSQL schema (deploy/postgresql) against the real Orleans ADO.NET providers: the migrator is
/// re-runnable, a silo clusters, persists state and reminders on it, and every stored query honours the
/// contract the providers rely on (result shapes, ETag conflicts, hash ranges).
/// </summary>
public sealed class OrleansAdoNetSchemaTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string Invariant = "Npgsql";
    private const string StorageName = "test";
    private const string DeletingStorageName = "test-delete-on-clear";
    private static readonly TimeSpan SiloTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] RequiredQueryKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",
        "DeleteMembershipTableEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Migrator_AppliedTwice_SecondRunAppliesNothingAndLeavesSchemaIntact()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var migrator = new PostgreSqlSchemaMigrator();

        var first = await migrator.ApplyAsync(connectionString, CancellationToken.None);
        var queriesAfterFirst = await ReadStoredQueriesAsync(connectionString);
        var second = await migrator.ApplyAsync(connectionString, CancellationToken.None);

        Assert.Equal(PostgreSqlSchemaMigrator.EmbeddedScriptNames, first);
        Assert.Contains("001_orleans_main.sql", first);
        Assert.Contains("004_orleans_reminders.sql", first);
        Assert.Empty(second);
        Assert.Equal(queriesAfterFirst, await ReadStoredQueriesAsync(connectionString));
        Assert.Subset(queriesAfterFirst.Keys.ToHashSet(), RequiredQueryKeys.ToHashSet());
        Assert.Equal(PostgreSqlSchemaMigrator.EmbeddedScriptNames,
            await QueryListAsync<string>(connectionString, "SELECT script FROM conversations_schema_migrations ORDER BY script"));
    }

    [Fact]
    public async Task Migrator_RunConcurrently_AppliesEachScriptExactlyOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None))));

        Assert.Equal(PostgreSqlSchemaMigrator.EmbeddedScriptNames, runs.SelectMany(r => r).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SchemaScripts_AppliedTwiceByHand_Succeed()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        foreach (var pass in new[] { 1, 2 })
        {
            foreach (var script in PostgreSqlSchemaMigrator.EmbeddedScriptNames)
            {
                await ExecuteAsync(connectionString, PostgreSqlSchemaMigrator.ReadEmbeddedScript(script));
            }
        }

        Assert.Subset((await ReadStoredQueriesAsync(connectionString)).Keys.ToHashSet(), RequiredQueryKeys.ToHashSet());
    }

    [Fact]
    public async Task Silo_PersistsStateAndReminder_SecondSiloOnSameDatabaseReadsThemBack()
    {
        var connectionString = await MigratedDatabaseAsync();
        var cluster = ClusterIds.New();
        var grainKey = $"lead-{Guid.NewGuid():N}";

        await using (var first = await SiloHandle.StartAsync(connectionString, cluster))
        {
            var grain = first.GrainFactory.GetGrain<IAdoNetProbeGrain>(grainKey);
            await grain.SetAsync("written by the first silo");
            await grain.RegisterReminderAsync("nudge");

            var members = await QueryListAsync<int>(connectionString,
                $"SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = '{cluster.ClusterId}'");
            Assert.Equal([(int)SiloStatus.Active], members);
            await first.StopAsync();
        }

        await using (var second = await SiloHandle.StartAsync(connectionString, cluster))
        {
            var grain = second.GrainFactory.GetGrain<IAdoNetProbeGrain>(grainKey);

            Assert.Equal("written by the first silo", await grain.GetAsync());
            Assert.True(await grain.HasReminderAsync("nudge"));
        }

        var statuses = await QueryListAsync<int>(connectionString,
            $"SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = '{cluster.ClusterId}' ORDER BY StartTime");
        Assert.Equal([(int)SiloStatus.Dead, (int)SiloStatus.Dead], statuses);
        Assert.Equal([1L], await QueryListAsync<long>(connectionString,
            $"SELECT count(*) FROM OrleansRemindersTable WHERE ServiceId = '{cluster.ServiceId}' AND ReminderName = 'nudge'"));
        Assert.Equal([1L], await QueryListAsync<long>(connectionString,
            $"SELECT count(*) FROM OrleansStorage WHERE ServiceId = '{cluster.ServiceId}' AND PayloadBinary IS NOT NULL"));
    }

    [Fact]
    public async Task GrainStorage_WritesReadsClearsAndRejectsStaleETags_ForEveryKeyShape()
    {
        var connectionString = await MigratedDatabaseAsync();
        await using var silo = await SiloHandle.StartAsync(connectionString, ClusterIds.New());
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageName);
        var deleting = silo.Services.GetRequiredKeyedService<IGrainStorage>(DeletingStorageName);
        var type = GrainType.Create("storageprobe");
        GrainId[] keys =
        [
            GrainId.Create(type, $"string-{Guid.NewGuid():N}"),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "extension")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42, "extension")),
        ];

        foreach (var key in keys)
        {
            var state = new GrainState<ProbeState>(new ProbeState());
            await storage.ReadStateAsync("storageprobe", key, state);
            Assert.False(state.RecordExists);
            Assert.Null(state.ETag);

            var staleCopy = new GrainState<ProbeState>(new ProbeState { Value = "stale" });
            state.State = new ProbeState { Value = $"v1 {key}" };
            await storage.WriteStateAsync("storageprobe", key, state);
            Assert.Equal("1", state.ETag);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storageprobe", key, staleCopy));

            state.State = new ProbeState { Value = $"v2 {key}" };
            await storage.WriteStateAsync("storageprobe", key, state);
            Assert.Equal("2", state.ETag);
            staleCopy.ETag = "1";
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storageprobe", key, staleCopy));

            var reread = new GrainState<ProbeState>(new ProbeState());
            await storage.ReadStateAsync("storageprobe", key, reread);
            Assert.Equal($"v2 {key}", reread.State?.Value);
            Assert.Equal("2", reread.ETag);
            Assert.True(reread.RecordExists);

            await storage.ClearStateAsync("storageprobe", key, state);
            Assert.Equal("3", state.ETag);
            Assert.False(state.RecordExists);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("storageprobe", key, reread));

            var afterClear = new GrainState<ProbeState>(new ProbeState());
            await storage.ReadStateAsync("storageprobe", key, afterClear);
            Assert.Null(afterClear.State?.Value);
            Assert.Equal("3", afterClear.ETag);
            Assert.False(afterClear.RecordExists);

            state.State = new ProbeState { Value = "after clear" };
            await storage.WriteStateAsync("storageprobe", key, state);
            Assert.Equal("4", state.ETag);

            var deleted = new GrainState<ProbeState>(new ProbeState { Value = "to delete" });
            await deleting.WriteStateAsync("deleteprobe", key, deleted);
            await deleting.ClearStateAsync("deleteprobe", key, deleted);
            Assert.Null(deleted.ETag);
            await deleting.WriteStateAsync("deleteprobe", key, deleted);
            Assert.Equal("1", deleted.ETag);
        }

        // The same key under another grain type is another row.
        var other = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync("otherprobe", keys[0], other);
        Assert.False(other.RecordExists);
    }

    [Fact]
    public async Task ReminderTable_UpsertsReadsRangesAndDeletesByETag()
    {
        var connectionString = await MigratedDatabaseAsync();
        await using var silo = await SiloHandle.StartAsync(connectionString, ClusterIds.New());
        var reminders = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminderprobe", Guid.NewGuid().ToString("N"));
        var hash = grainId.GetUniformHashCode();
        var startAt = DateTime.UtcNow.AddHours(1);
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = startAt, Period = TimeSpan.FromMinutes(5) };

        Assert.Equal("0", await reminders.UpsertRow(entry));
        entry.Period = TimeSpan.FromDays(40); // more milliseconds than an int holds
        Assert.Equal("1", await reminders.UpsertRow(entry));

        var row = await reminders.ReadRow(grainId, "r");
        Assert.NotNull(row);
        Assert.Equal(TimeSpan.FromDays(40), row.Period);
        Assert.Equal("1", row.ETag);
        Assert.Equal(startAt, row.StartAt, TimeSpan.FromMilliseconds(1));
        Assert.Null(await reminders.ReadRow(grainId, "missing"));
        Assert.Single((await reminders.ReadRows(grainId)).Reminders);

        Assert.Contains(await ReadRange(hash - 1, hash), r => r.GrainId == grainId);
        Assert.DoesNotContain(await ReadRange(hash, hash + 1), r => r.GrainId == grainId);
        Assert.Contains(await ReadRange(hash, hash), r => r.GrainId == grainId); // the whole ring
        Assert.Contains(await ReadRange(hash + 1, hash), r => r.GrainId == grainId); // wraps around
        Assert.DoesNotContain(await ReadRange(hash, hash - 1), r => r.GrainId == grainId);

        Assert.False(await reminders.RemoveRow(grainId, "r", "0"));
        Assert.True(await reminders.RemoveRow(grainId, "r", "1"));
        Assert.Null(await reminders.ReadRow(grainId, "r"));

        await reminders.UpsertRow(entry);
        await reminders.TestOnlyClearTable();
        Assert.Empty((await reminders.ReadRows(grainId)).Reminders);

        async Task<IList<ReminderEntry>> ReadRange(uint begin, uint end) => (await reminders.ReadRows(begin, end)).Reminders;
    }

    [Fact]
    public async Task MembershipTable_HonoursTableVersionAndServesGateways()
    {
        var connectionString = await MigratedDatabaseAsync();
        var services = new ServiceCollection().BuildServiceProvider();
        var clusterId = ClusterIds.New().ClusterId;
        var clusterOptions = Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-probe" });
        var table = new AdoNetClusteringTable(services, clusterOptions,
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        var now = DateTime.UtcNow;
        var alive = Member(11111, SiloStatus.Joining, now);
        var other = Member(11112, SiloStatus.Joining, now);

        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        Assert.True(await table.InsertRowAsync(alive, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(other, empty.Version.Next())); // stale table version
        var one = await table.ReadAllAsync();
        Assert.Single(one.Members);
        Assert.Equal(1, one.Version.Version);
        Assert.False(await table.InsertRowAsync(alive, one.Version.Next())); // row already there
        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);

        alive.Status = SiloStatus.Active;
        alive.SuspectTimes = [Tuple.Create(other.SiloAddress, now)];
        Assert.True(await table.UpdateRowAsync(alive, one.Members[0].Item2, one.Version.Next()));
        Assert.False(await table.UpdateRowAsync(alive, one.Members[0].Item2, one.Version.Next())); // stale table version

        var row = await table.ReadRowAsync(alive.SiloAddress);
        var (read, _) = Assert.Single(row.Members);
        Assert.Equal(2, row.Version.Version);
        Assert.Equal(SiloStatus.Active, read.Status);
        Assert.Equal(alive.SiloName, read.SiloName);
        Assert.Equal(alive.ProxyPort, read.ProxyPort);
        Assert.NotNull(read.SuspectTimes);
        Assert.Equal(other.SiloAddress, Assert.Single(read.SuspectTimes).Item1);
        Assert.Equal(now, read.StartTime, TimeSpan.FromMilliseconds(1));
        var unknown = await table.ReadRowAsync(other.SiloAddress);
        Assert.Empty(unknown.Members);
        Assert.Equal(2, unknown.Version.Version);

        alive.IAmAliveTime = now.AddSeconds(30);
        await table.UpdateIAmAliveAsync(alive);
        var afterHeartbeat = await table.ReadAllAsync();
        Assert.Equal(2, afterHeartbeat.Version.Version);
        Assert.Equal(now.AddSeconds(30), afterHeartbeat.Members[0].Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));

        var gateways = new AdoNetGatewayListProvider(NullLogger<AdoNetGatewayListProvider>.Instance, services,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = Invariant, ConnectionString = connectionString }),
            Options.Create(new GatewayOptions()), clusterOptions);
        await gateways.InitializeGatewayListProvider();
        var gatewayUri = SiloAddress.New(IPAddress.Loopback, alive.ProxyPort, alive.SiloAddress.Generation).ToGatewayUri();
        Assert.Equal([gatewayUri], await gateways.GetGateways());

        var dead = Member(11113, SiloStatus.Dead, now.AddDays(-10));
        Assert.True(await table.InsertRowAsync(dead, afterHeartbeat.Version.Next()));
        await table.CleanupDefunctSiloEntriesAsync(now.AddDays(-1));
        Assert.Equal([alive.SiloAddress], (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress));

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        Assert.Equal([0L, 0L], await QueryListAsync<long>(connectionString, $"""
            SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}'
            UNION ALL
            SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = '{clusterId}'
            """));

        static MembershipEntry Member(int port, SiloStatus status, DateTime time) => new()
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation: 7),
            SiloName = $"silo-{port}",
            HostName = "localhost",
            Status = status,
            ProxyPort = port + 1000,
            StartTime = time,
            IAmAliveTime = time,
        };
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None);
        return connectionString;
    }

    private static async Task<Dictionary<string, string>> ReadStoredQueriesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            queries.Add(reader.GetString(0), reader.GetString(1));
        }
        return queries;
    }

    private static async Task<List<T>> QueryListAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        do
        {
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetFieldValue<T>(0));
            }
        }
        while (await reader.NextResultAsync());
        return values;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record ClusterIds(string ClusterId, string ServiceId)
    {
        // Unique per test: dead membership rows of earlier runs must not be mistaken for this cluster's silos.
        public static ClusterIds New()
        {
            var suffix = Guid.NewGuid().ToString("N")[..12];
            return new ClusterIds($"cluster-{suffix}", $"service-{suffix}");
        }
    }

    /// <summary>A silo built the way the Host wires the ADO.NET providers, on loopback ports picked for it.</summary>
    private sealed class SiloHandle : IAsyncDisposable
    {
        private readonly IHost _host;
        private bool _stopped;

        private SiloHandle(IHost host) => _host = host;

        public IServiceProvider Services => _host.Services;
        public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

        public static async Task<SiloHandle> StartAsync(string connectionString, ClusterIds cluster)
        {
            var ports = FreePorts.GetFreeTcpPorts(2);
            var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
                .ConfigureAppConfiguration((_, configuration) => configuration.Sources.Clear())
                .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .UseOrleans(silo => silo
                    .Configure<ClusterOptions>(options =>
                    {
                        options.ClusterId = cluster.ClusterId;
                        options.ServiceId = cluster.ServiceId;
                    })
                    .ConfigureEndpoints(IPAddress.Loopback, ports[0], ports[1])
                    .UseAdoNetClustering(options =>
                    {
                        options.Invariant = Invariant;
                        options.ConnectionString = connectionString;
                    })
                    .AddAdoNetGrainStorage(StorageName, options =>
                    {
                        options.Invariant = Invariant;
                        options.ConnectionString = connectionString;
                    })
                    .AddAdoNetGrainStorage(DeletingStorageName, options =>
                    {
                        options.Invariant = Invariant;
                        options.ConnectionString = connectionString;
                        options.DeleteStateOnClear = true;
                    })
                    .UseAdoNetReminderService(options =>
                    {
                        options.Invariant = Invariant;
                        options.ConnectionString = connectionString;
                    }))
                .Build();

            var handle = new SiloHandle(host);
            try
            {
                using var timeout = new CancellationTokenSource(SiloTimeout);
                await host.StartAsync(timeout.Token);
                return handle;
            }
            catch
            {
                await handle.DisposeAsync();
                throw;
            }
        }

        public async Task StopAsync()
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            using var timeout = new CancellationTokenSource(SiloTimeout);
            await _host.StopAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await StopAsync();
            }
            finally
            {
                if (_host is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync();
                }
                else
                {
                    _host.Dispose();
                }
            }
        }
    }
}

public interface IAdoNetProbeGrain : IGrainWithStringKey
{
    Task SetAsync(string value);

    Task<string?> GetAsync();

    Task RegisterReminderAsync(string name);

    Task<bool> HasReminderAsync(string name);
}

[GenerateSerializer, Alias("Conversations.Host.Tests.PostgreSql.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public string? Value { get; set; }
}

public sealed class AdoNetProbeGrain([PersistentState("s", "test")] IPersistentState<ProbeState> state)
    : Grain, IAdoNetProbeGrain, IRemindable
{
    public Task SetAsync(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(state.State.Value);

    // Due in an hour: the test only needs the registration to be durable, not to fire.
    public Task RegisterReminderAsync(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<bool> HasReminderAsync(string name) => await this.GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
