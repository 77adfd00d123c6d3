using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Leads;
using Conversations.Grains.Signals;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

/// <summary>Which funnel stages a lead's events reach, without a cluster or a store.</summary>
public sealed class FunnelMarksTests
{
    private const string Email = "ada@example.test";
    private const string Campaign = "salesforge:seq_1";

    [Theory]
    [InlineData(EventKind.Sent, Direction.Outbound, FunnelStage.Sent)]
    [InlineData(EventKind.Opened, Direction.None, FunnelStage.Opened)]
    [InlineData(EventKind.Clicked, Direction.None, FunnelStage.Clicked)]
    [InlineData(EventKind.Bounced, Direction.None, FunnelStage.Bounced)]
    [InlineData(EventKind.Unsubscribed, Direction.None, FunnelStage.Unsubscribed)]
    [InlineData(EventKind.Replied, Direction.Inbound, FunnelStage.Replied)]
    [InlineData(EventKind.Message, Direction.Inbound, FunnelStage.Replied)]
    public void For_AnEventOfACampaign_MarksTheLeadAndItsStage(EventKind kind, Direction direction, FunnelStage stage)
    {
        var marks = FunnelMarks.For(new LeadSnapshot(), [Create(Email, kind, T0, Campaign, direction: direction)], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead), Mark(stage)], marks);
    }

    [Theory]
    [InlineData(EventKind.Message, Direction.Outbound)]
    [InlineData(EventKind.StatusUpdated, Direction.None)]
    [InlineData(EventKind.LeadCreated, Direction.None)]
    [InlineData(EventKind.LeadUpdated, Direction.None)]
    [InlineData(EventKind.LeadDeleted, Direction.None)]
    public void For_AnEventWithoutAStage_MarksOnlyThatTheLeadIsInTheCampaign(EventKind kind, Direction direction)
    {
        var marks = FunnelMarks.For(new LeadSnapshot(), [Create(Email, kind, T0, Campaign, direction: direction)], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead)], marks);
    }

    [Theory]
    [InlineData(ReplySentiment.Positive, FunnelStage.PositiveReply)]
    [InlineData(ReplySentiment.Negative, FunnelStage.NegativeReply)]
    public void For_AClassificationOfACampaign_MarksItsSentiment(ReplySentiment sentiment, FunnelStage stage)
    {
        var marks = FunnelMarks.For(new LeadSnapshot(), [Create(Email, EventKind.ReplyClassified, T0, Campaign, messageId: "r1", sentiment: sentiment)], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead), Mark(stage)], marks);
    }

    [Fact]
    public void For_ANeutralClassification_MarksNoSentimentStage()
    {
        var marks = FunnelMarks.For(new LeadSnapshot(), [Create(Email, EventKind.ReplyClassified, T0, Campaign, messageId: "r1", sentiment: ReplySentiment.Neutral)], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead)], marks);
    }

    [Fact]
    public void For_AnAutomaticReply_MarksNoReply()
    {
        var autoReply = Create(Email, EventKind.Replied, T0, Campaign, messageId: "r1", direction: Direction.Inbound)
            with { Subject = "Automatic reply: Idea for Fabrikam", Text = "I am out of the office until Monday." };

        var marks = FunnelMarks.For(new LeadSnapshot(), [autoReply], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead)], marks);
    }

    [Fact]
    public void For_EventsWithoutACampaign_MarkNothing()
    {
        var marks = FunnelMarks.For(new LeadSnapshot(),
        [
            Create(Email, EventKind.Sent, T0),
            Create(Email, EventKind.Replied, T0, messageId: "r1", direction: Direction.Inbound),
            Create(Email, EventKind.ReplyClassified, T0, messageId: "r1", sentiment: ReplySentiment.Positive),
        ], ReplyIntentClassifier.Default);

        Assert.Empty(marks);
    }

    [Fact]
    public void For_RepeatedStagesOfOneLead_AreEqualMarks_SoTheLeadCountsOncePerStage()
    {
        var marks = FunnelMarks.For(new LeadSnapshot(),
        [
            Create(Email, EventKind.Opened, T0, Campaign),
            Create(Email, EventKind.Opened, T0.AddHours(1), Campaign),
        ], ReplyIntentClassifier.Default);

        // A mark names no lead and no event: the store keeps one row per (campaign, stage, lead).
        Assert.Equal([Mark(FunnelStage.Lead), Mark(FunnelStage.Opened)], marks.Distinct());
    }

    [Fact]
    public void For_AReplyWhoseClassificationIsAlreadyKnown_MarksTheSentimentUnderTheRepliesCampaign()
    {
        var lead = new LeadSnapshot();
        lead.Replies["r1"] = new ReplyFacts { Sentiment = ReplySentiment.Negative };

        var marks = FunnelMarks.For(lead, [Create(Email, EventKind.Replied, T0, Campaign, messageId: "r1", direction: Direction.Inbound)], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead), Mark(FunnelStage.Replied), Mark(FunnelStage.NegativeReply)], marks);
    }

    [Fact]
    public void For_AReplyClassifiedInTheSameBatch_UsesTheBatchsLastClassification()
    {
        var lead = new LeadSnapshot();
        lead.Replies["r1"] = new ReplyFacts { Sentiment = ReplySentiment.Negative };

        var marks = FunnelMarks.For(lead,
        [
            Create(Email, EventKind.ReplyClassified, T0.AddMinutes(1), messageId: "r1", sentiment: ReplySentiment.Negative),
            Create(Email, EventKind.ReplyClassified, T0.AddMinutes(2), messageId: "r1", sentiment: ReplySentiment.Positive),
            Create(Email, EventKind.Replied, T0, Campaign, messageId: "r1", direction: Direction.Inbound),
        ], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead), Mark(FunnelStage.Replied), Mark(FunnelStage.PositiveReply)], marks);
    }

    [Fact]
    public void For_AReplyOfAnotherMessage_IgnoresClassificationsOfOtherReplies()
    {
        var lead = new LeadSnapshot();
        lead.Replies["r1"] = new ReplyFacts { Sentiment = ReplySentiment.Positive };

        var marks = FunnelMarks.For(lead, [Create(Email, EventKind.Replied, T0, Campaign, messageId: "r2", direction: Direction.Inbound)], ReplyIntentClassifier.Default);

        Assert.Equal([Mark(FunnelStage.Lead), Mark(FunnelStage.Replied)], marks);
    }

    [Fact]
    public void For_ACampaignWithoutAName_MarksWithoutAName()
    {
        var marks = FunnelMarks.For(new LeadSnapshot(), [Create(Email, EventKind.Sent, T0, Campaign) with { Campaign = new CampaignRef(Campaign, null) }], ReplyIntentClassifier.Default);

        Assert.All(marks, mark => Assert.Null(mark.CampaignName));
    }

    private static FunnelMark Mark(FunnelStage stage) => new(Campaign, "Test campaign", stage);
}
