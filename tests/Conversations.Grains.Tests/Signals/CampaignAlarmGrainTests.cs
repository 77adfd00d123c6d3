using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Signals;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests.Signals;

/// <summary>A campaign's bounce-rate alarm through lead grains on a test cluster: raised once when crossing, again only after recovering.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CampaignAlarmGrainTests(ClusterFixture fixture)
{
    /// <summary>Long enough for a one-way check, or a few of the grain's rechecks, to have run.</summary>
    private static readonly TimeSpan Settle = ClusterFixture.CampaignRecheckInterval * 10;

    private readonly string _campaign = NewCampaignKey();

    [Fact]
    public async Task TheBounceRateAlarm_IsRaisedOnceWhenCrossing_AndAgainOnlyAfterTheRateRecovered()
    {
        await SendToNewLeadsAsync(20);
        await BounceAsync(); // 1 bounced of 21 sent to: 4.8%
        await Task.Delay(Settle);
        var belowTheThreshold = await SignalsAsync();
        var crossing = await BounceAsync(); // 2 of 22: 9.1%, above 5%
        var first = await EventuallyAsync(signals => signals.Count == 1);
        await BounceAsync(); // 3 of 23: the alarm stands
        await SendToNewLeadsAsync(60); // 3 of 83: 3.6%, recovered (seen by the grain's timer)
        await Task.Delay(Settle);
        var stillOne = await SignalsAsync();
        var fourth = await BounceAsync(); // 4 of 84: 4.8%
        var fifth = await BounceAsync(); // 5 of 85: 5.9%, above again

        var signals = await EventuallyAsync(signals => signals.Count == 2);
        Assert.Empty(belowTheThreshold);
        var raised = Assert.Single(first);
        Assert.Equal((SignalTypes.CampaignBounceRateHigh, crossing.LeadId, _campaign), (raised.Type, raised.LeadId, raised.CampaignKey));
        Assert.Equal([crossing.EventId], raised.Evidence);
        Assert.Single(stillOne);
        Assert.Equal(2, signals.Count);
        // The checks run one way after the commits: the fourth bounce's check may run after the fifth committed.
        Assert.Contains(Assert.Single(signals[1].Evidence), new[] { fourth.EventId, fifth.EventId });
    }

    private async Task SendToNewLeadsAsync(int leads)
    {
        for (var i = 0; i < leads; i++)
            await fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(LeadId.New()).AppendEventsAsync([Create(NewEmail(), EventKind.Sent, T0, _campaign)]);
    }

    /// <summary>A new lead sent to and bounced: one more of each.</summary>
    private async Task<(string LeadId, string EventId)> BounceAsync()
    {
        var leadId = LeadId.New();
        var email = NewEmail();
        var bounce = Create(email, EventKind.Bounced, T0.AddHours(1), _campaign);
        await fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(leadId).AppendEventsAsync([Create(email, EventKind.Sent, T0, _campaign), bounce]);
        return (leadId, bounce.EventId);
    }

    private async Task<IReadOnlyList<Signal>> SignalsAsync() =>
        (await ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<ITimelineStore>().ReadCampaignSignalsAsync(_campaign))
            .Where(s => SignalTypes.OfCampaigns.Contains(s.Type)).ToList();

    private async Task<IReadOnlyList<Signal>> EventuallyAsync(Func<IReadOnlyList<Signal>, bool> condition)
    {
        for (var waited = 0; ; waited += 50)
        {
            var signals = await SignalsAsync();
            if (condition(signals) || waited > 10_000) return signals;
            await Task.Delay(50);
        }
    }
}
