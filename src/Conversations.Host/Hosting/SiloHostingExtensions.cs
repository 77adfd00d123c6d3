using System.Net;
using Conversations.Abstractions;
using Conversations.Abstractions.Streams;
using Conversations.Storage;
using Conversations.Storage.Sqlite;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

namespace Conversations.Host.Hosting;

public static class SiloHostingExtensions
{
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>The Orleans Dashboard's own options (<c>HideTrace</c>, <c>CounterUpdateIntervalMs</c>, ...).</summary>
    public const string DashboardSectionName = "Conversations:Dashboard";

    /// <summary>
    /// Hosts the Orleans silo in this process: PostgreSQL clustering, grain storage and reminders when a
    /// connection string is configured; otherwise localhost clustering with grain state in the embedded file.
    /// </summary>
    public static void AddConversationsSilo(this WebApplicationBuilder builder, StorageOptions storage)
    {
        var section = builder.Configuration.GetSection(ConversationsClusterOptions.SectionName);
        var cluster = section.Get<ConversationsClusterOptions>() ?? new ConversationsClusterOptions();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ConversationsClusterOptions>, ConversationsClusterOptionsValidator>();
        builder.Services.AddOptions<ConversationsClusterOptions>().Bind(section).ValidateOnStart();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));

            if (storage.UsesPostgreSql)
            {
                var connectionString = storage.PostgreSqlConnectionString!;
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIPAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
                foreach (var name in new[] { StorageNames.LeadSnapshots, StorageNames.PubSub })
                {
                    silo.AddAdoNetGrainStorage(name, o =>
                    {
                        o.Invariant = NpgsqlInvariant;
                        o.ConnectionString = connectionString;
                    });
                }
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.ListenOnLoopbackOnly();
                silo.UseInMemoryReminderService();
                foreach (var name in new[] { StorageNames.LeadSnapshots, StorageNames.PubSub })
                {
                    silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
                        new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IGrainStorageSerializer>()));
                }
            }

            // State is written with Orleans' own serializer: types are identified by their stable [Alias],
            // so renaming a .NET type does not orphan stored rows (the JSON default stores .NET type names).
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.UseClusterTlsWhenConfigured();
            silo.AddMemoryStreams(StreamNames.Provider);
            // The live log stream shows log lines (lead keys among them) to any dashboard user: off unless asked for.
            silo.AddDashboard(o => o.HideTrace = true);
            silo.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardSectionName);
        });
    }

    /// <summary>
    /// Binds the silo and gateway ports to 127.0.0.1. UseLocalhostClustering already listens there by default, but
    /// Orleans' own <c>Orleans:Endpoints</c> settings could widen it, and a lone embedded silo has no peer to reach it.
    /// </summary>
    private static void ListenOnLoopbackOnly(this ISiloBuilder silo) =>
        silo.Services.PostConfigure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = IPAddress.Loopback;
            o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, o.SiloPort);
            o.GatewayListeningEndpoint = o.GatewayPort == 0 ? null : new IPEndPoint(IPAddress.Loopback, o.GatewayPort);
        });
}
