using Conversations.Testing;
using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CampaignGrainTests(ClusterFixture fixture)
{
    private ILeadGrain Lead(string email) => fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(KeyOf(email));
    private ICampaignGrain Campaign(string key) => fixture.Cluster.GrainFactory.GetGrain<ICampaignGrain>(key);

    [Fact]
    public async Task Funnel_CountsDistinctLeadsPerStage_EvenWithDuplicatesAndRepeats()
    {
        var campaign = NewCampaignKey();
        var (a, b) = (NewEmail(), NewEmail());
        var openedTwice = Create(a, EventKind.Opened, T0.AddHours(1), campaign);

        await Lead(a).AppendEventsAsync([Create(a, EventKind.Sent, T0, campaign)]);
        await Lead(a).AppendEventsAsync([openedTwice]);
        await Lead(a).AppendEventsAsync([openedTwice]);
        await Lead(a).AppendEventsAsync([Create(a, EventKind.Opened, T0.AddHours(2), campaign)]);
        await Lead(b).AppendEventsAsync([Create(b, EventKind.Sent, T0, campaign)]);
        await Lead(b).AppendEventsAsync([Create(b, EventKind.Bounced, T0.AddMinutes(1), campaign)]);

        var view = await Campaign(campaign).GetAsync();

        Assert.NotNull(view);
        Assert.Equal("Test campaign", view.Name);
        Assert.Equal("salesforge", view.Provider);
        Assert.Equal(2, view.Leads);
        Assert.Equal(new CampaignFunnelCounts { Sent = 2, Opened = 1, Bounced = 1 }, view.Funnel);
    }

    [Fact]
    public async Task Funnel_CountsAnAutomaticReplyAsNoReply()
    {
        var campaign = NewCampaignKey();
        var (away, person) = (NewEmail(), NewEmail());

        await Lead(away).AppendEventsAsync([Create(away, EventKind.Replied, T0, campaign, messageId: "ooo-1", direction: Direction.Inbound)
            with { Subject = "Automatic reply: Idea for Fabrikam", Text = "I am out of the office until Monday." }]);
        await Lead(person).AppendEventsAsync([Create(person, EventKind.Replied, T0, campaign, messageId: "re-1", direction: Direction.Inbound)
            with { Subject = "Re: Idea for Fabrikam", Text = "Tuesday works for me." }]);

        Assert.Equal(1, (await Campaign(campaign).GetAsync())!.Funnel.Replied);
    }

    [Fact]
    public async Task Funnel_WhenClassificationHasNoCampaign_CountsItUnderTheRepliesCampaign()
    {
        var campaign = NewCampaignKey();
        var email = NewEmail();
        await Lead(email).AppendEventsAsync([Create(email, EventKind.Replied, T0, campaign, messageId: "reply-1", direction: Direction.Inbound)]);
        await Lead(email).AppendEventsAsync([Create(email, EventKind.ReplyClassified, T0.AddMinutes(1), messageId: "reply-1", sentiment: ReplySentiment.Positive)]);

        var view = await Campaign(campaign).GetAsync();
        var timeline = await Lead(email).GetTimelineAsync();

        Assert.Equal(new CampaignFunnelCounts { Replied = 1, PositiveReplies = 1 }, view!.Funnel);
        Assert.Equal(campaign, timeline[1].Event.Campaign?.Key);
    }

    [Fact]
    public async Task Funnel_WhenClassificationArrivesBeforeItsReply_CountsItOnceTheReplyArrives()
    {
        var campaign = NewCampaignKey();
        var email = NewEmail();
        await Lead(email).AppendEventsAsync([Create(email, EventKind.ReplyClassified, T0.AddMinutes(1), messageId: "reply-2", sentiment: ReplySentiment.Negative)]);
        await Lead(email).AppendEventsAsync([Create(email, EventKind.Replied, T0, campaign, messageId: "reply-2", direction: Direction.Inbound)]);

        var view = await Campaign(campaign).GetAsync();

        Assert.Equal(new CampaignFunnelCounts { Replied = 1, NegativeReplies = 1 }, view!.Funnel);
    }

    [Fact]
    public async Task Get_WhenNoEventNamedTheCampaign_ReturnsNull()
    {
        Assert.Null(await Campaign(NewCampaignKey()).GetAsync());
    }
}
