using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Host.Tests.Cluster;

internal static class ClusterMembership
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the silo at <paramref name="services"/> sees <paramref name="count"/> active silos (30 s at most).</summary>
    public static async Task WaitForActiveSilosAsync(IServiceProvider services, int count)
    {
        var membership = services.GetRequiredService<IClusterMembershipService>();
        using var timeout = new CancellationTokenSource(Bound);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
