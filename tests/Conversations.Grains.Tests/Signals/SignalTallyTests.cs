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

/// <summary>The in-cluster consumer sample: its implicit subscription receives each new signal of its type, once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SignalTallyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheTallyOfAType_CountsEachNewSignalOfIt_WithoutASubscriptionCall()
    {
        var (email, leadId) = (NewEmail(), LeadId.New());
        var tally = fixture.Cluster.GrainFactory.GetGrain<ISignalTallyGrain>(SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
        var before = (await tally.GetAsync()).Received;
        var lead = fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(leadId);
        var open = Create(email, EventKind.Opened, T0);
        var reply = Create(email, EventKind.Message, T0.AddDays(2), direction: Direction.Inbound) with
            { Channel = Channel.LinkedIn, Text = "Sounds good, let's talk on Thursday." };

        await lead.AppendEventsAsync([open]);
        await lead.AppendEventsAsync([reply]);
        await lead.AppendEventsAsync([reply, open]);
        var stored = (await Store.ReadLeadSignalsAsync(leadId)).Single(s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
        for (var waited = 0; (await tally.GetAsync()).Received == before && waited < 10_000; waited += 50) await Task.Delay(50);
        await Task.Delay(300);
        var after = await tally.GetAsync();

        Assert.Equal(before + 1, after.Received);
        Assert.Equal(stored.Id, after.LastSignalId);
        Assert.Equal(SignalTypes.PositiveLinkedInReplyAfterEmailOpen, after.Type);
    }

    private ITimelineStore Store => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<ITimelineStore>();
}
