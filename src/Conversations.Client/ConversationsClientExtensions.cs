using Conversations.Abstractions.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Conversations.Client;

public static class ConversationsClientExtensions
{
    /// <summary>
    /// Connects this Orleans client to the Orleans.Conversations cluster <paramref name="configure"/> names (its gateways
    /// through PostgreSQL, or the silo on this machine), with the cluster's stream provider, and registers a
    /// <see cref="SignalFollower"/>.
    /// </summary>
    public static IClientBuilder UseConversations(this IClientBuilder client, Action<ConversationsClientOptions> configure)
    {
        var options = new ConversationsClientOptions();
        configure(options);
        client.Services.AddSingleton(Options.Create(options));
        if (string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }
        else
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            client.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = "Npgsql";
                clustering.ConnectionString = options.PostgreSqlConnectionString;
            });
        }
        client.AddMemoryStreams(StreamNames.Provider);
        client.Services.AddSingleton<SignalFollower>();
        return client;
    }
}
