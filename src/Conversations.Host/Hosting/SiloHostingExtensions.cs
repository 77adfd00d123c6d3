using System.Net;
using Conversations.Abstractions.Streams;
using Conversations.Grains.Streams;
using Conversations.Storage;
using Conversations.Storage.PostgreSql;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Conversations.Host.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The Orleans Dashboard's own options (<c>HideTrace</c>, <c>CounterUpdateIntervalMs</c>, ...).</summary>
    public const string DashboardSectionName = "Conversations:Dashboard";
    public const string ProfilerSectionName = "Profiler";

    /// <summary>
    /// Hosts the Orleans silo in this process: on PostgreSQL, a cluster of silos that find each other through the
    /// database; on the embedded file, a lone silo on localhost. Grain storage comes from AddConversationsStorage.
    /// </summary>
    public static void AddConversationsSilo(this WebApplicationBuilder builder, StorageBackend storage)
    {
        var section = builder.Configuration.GetSection(ConversationsClusterOptions.SectionName);
        var cluster = section.Get<ConversationsClusterOptions>() ?? new ConversationsClusterOptions();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ConversationsClusterOptions>, ConversationsClusterOptionsValidator>();
        builder.Services.AddOptions<ConversationsClusterOptions>().Bind(section)
            .Validate(o => !o.Kubernetes || storage == StorageBackend.PostgreSql,
                $"{ConversationsClusterOptions.SectionName}:Kubernetes needs PostgreSQL clustering: set ConnectionStrings:PostgreSql (the embedded store runs one silo on localhost).")
            .ValidateOnStart();

        builder.UseOrleans(silo =>
        {
            if (storage == StorageBackend.PostgreSql) silo.UseKubernetesHostingWhenConfigured(cluster);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));

            if (storage == StorageBackend.PostgreSql)
            {
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIPAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(clustering => clustering.Configure<IOptions<StorageOptions>>((o, options) =>
                {
                    o.Invariant = PostgreSqlDataSource.AdoNetInvariant;
                    o.ConnectionString = options.Value.PostgreSqlConnectionString;
                }));
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.ListenOnLoopbackOnly();
            }

            silo.UseClusterTlsWhenConfigured();
            // Grain calls carry the caller's trace, so a webhook's spans reach the lead grain and its commit.
            silo.AddActivityPropagation();
            silo.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePullingAgent(agent =>
                agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(cluster.StreamPullMilliseconds))));
            // What the stores commit reaches the streams through the outbox, at least once.
            silo.Services.AddOutboxRelay();
            // The live log stream shows log lines (lead keys among them) to any dashboard user: off unless asked for.
            silo.AddDashboard(o => o.HideTrace = true);
            silo.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardSectionName);
            // By default the dashboard counts grain calls only once someone has opened it; operators want them from the start.
            silo.Services.AddOptions<GrainProfilerOptions>()
                .Configure(o => o.TraceAlways = true)
                .BindConfiguration($"{DashboardSectionName}:{ProfilerSectionName}");
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
