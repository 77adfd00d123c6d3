using System.Text;
using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Abstractions.Signals;
using Conversations.Grains.Leads;
using Conversations.Grains.Signals;
using Conversations.Grains.Signals.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

/// <summary>
/// What crosses a grain boundary or is stored as a snapshot is named on the wire by its stable alias, never by
/// its CLR name, so renaming or moving one of our types does not break calls between versions or stored state.
/// </summary>
public sealed class WireNameTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    public static TheoryData<string, object> Values()
    {
        var @event = Create("ada@example.test", EventKind.ReplyClassified, T0, "salesforge:seq_1", messageId: "r1",
            sentiment: ReplySentiment.Positive, direction: Direction.Inbound);
        var snapshot = new LeadSnapshot();
        LeadProjection.Apply(snapshot, new TimelineEntry(1, @event));
        var signalEvent = SignalEvent.From(@event, ReplyIntentClassifier.Default)!;
        snapshot.SignalEvents[signalEvent.EventId] = signalEvent;
        var alarms = new CampaignAlarmState();
        alarms.Episodes[SignalTypes.CampaignBounceRateHigh] = 1;
        alarms.Raised.Add(SignalTypes.CampaignBounceRateHigh);
        return new()
        {
            { nameof(ConversationEvent), @event },
            { nameof(TimelineEntry), new TimelineEntry(1, @event) },
            { "timeline", new List<TimelineEntry> { new(1, @event) } },
            { nameof(AppendResult), new AppendResult(1, 0) },
            { nameof(LeadView), LeadProjection.ToView("email:ada@example.test", snapshot) },
            { nameof(LeadSnapshot), snapshot },
            { nameof(SignalEvent), signalEvent },
            { nameof(Signal), new Signal("sg_1", SignalTypes.PositiveReply, "ld_1", "salesforge:seq_1", [@event.EventId], T0, T0) },
            { nameof(CampaignAlarmState), alarms },
            { nameof(CampaignAlarmTrigger), new CampaignAlarmTrigger("ld_1", @event.EventId, T0) },
            { nameof(SignalTally), new SignalTally(SignalTypes.HotLead, 3, "sg_1") },
            { nameof(FeedSignal), new FeedSignal(new SignalFeedCursor(7, 42), new Signal("sg_1", SignalTypes.PositiveReply, "ld_1", null, [@event.EventId], T0, T0)) },
            { nameof(LeadAppend), new LeadAppend([@event], "email:ada@example.test", [], NewLead: true) },
            { nameof(FunnelMark), new FunnelMark("salesforge:seq_1", "Spring", FunnelStage.PositiveReply) },
            { nameof(CampaignView), new CampaignView { CampaignKey = "salesforge:seq_1", Provider = "salesforge", Leads = 1, Funnel = new CampaignFunnelCounts() } },
        };
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void WireForm_NamesNoTypeOfOursByItsClrName(string name, object value)
    {
        var bytes = Serializer.SerializeToArray(value);

        Assert.DoesNotContain("Conversations.", Encoding.Latin1.GetString(bytes));
        Assert.IsType(value.GetType(), Serializer.Deserialize<object>(bytes));
        Assert.NotEmpty(name);
    }

    [Fact]
    public void GrainInterfacesAndTheirMethods_HaveStableAliases()
    {
        var grainInterfaces = typeof(ILeadGrain).Assembly.GetTypes()
            .Where(type => type.IsInterface && typeof(IGrain).IsAssignableFrom(type))
            .ToList();

        Assert.Contains(typeof(ICampaignGrain), grainInterfaces);
        Assert.All(grainInterfaces, grain =>
        {
            Assert.True(Attribute.IsDefined(grain, typeof(AliasAttribute)), grain.Name);
            Assert.All(grain.GetMethods(), method => Assert.True(Attribute.IsDefined(method, typeof(AliasAttribute)), $"{grain.Name}.{method.Name}"));
        });
    }
}
