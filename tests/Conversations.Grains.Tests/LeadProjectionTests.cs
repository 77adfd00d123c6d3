using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Leads;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

/// <summary>The projection of timeline entries into a lead's derived state, without a cluster or a store.</summary>
public sealed class LeadProjectionTests
{
    private const string Email = "ada@example.test";

    [Theory]
    [InlineData(EventKind.Sent, Direction.Outbound, LeadStatus.Contacted)]
    [InlineData(EventKind.Message, Direction.Outbound, LeadStatus.Contacted)]
    [InlineData(EventKind.Opened, Direction.None, LeadStatus.Engaged)]
    [InlineData(EventKind.Clicked, Direction.None, LeadStatus.Engaged)]
    [InlineData(EventKind.Replied, Direction.Inbound, LeadStatus.Replied)]
    [InlineData(EventKind.Message, Direction.Inbound, LeadStatus.Replied)]
    [InlineData(EventKind.ReplyClassified, Direction.None, LeadStatus.Replied)]
    [InlineData(EventKind.Bounced, Direction.None, LeadStatus.Bounced)]
    [InlineData(EventKind.Unsubscribed, Direction.None, LeadStatus.Unsubscribed)]
    [InlineData(EventKind.StatusUpdated, Direction.None, LeadStatus.New)]
    [InlineData(EventKind.LeadCreated, Direction.None, LeadStatus.New)]
    [InlineData(EventKind.LeadUpdated, Direction.None, LeadStatus.New)]
    [InlineData(EventKind.LeadDeleted, Direction.None, LeadStatus.New)]
    public void StatusReachedBy_EachKind_IsTheStatusThatKindImplies(EventKind kind, Direction direction, LeadStatus expected)
    {
        Assert.Equal(expected, LeadProjection.StatusReachedBy(Create(Email, kind, T0, direction: direction)));
    }

    [Fact]
    public void Apply_StatusOnlyRises_WhateverOrderTheEventsArriveIn()
    {
        var events = new[]
        {
            Create(Email, EventKind.Sent, T0),
            Create(Email, EventKind.Unsubscribed, T0.AddDays(2)),
            Create(Email, EventKind.Opened, T0.AddDays(1)),
        };

        var inOrder = Project(events);
        var reversed = Project(events.Reverse().ToArray());

        Assert.Equal(LeadStatus.Unsubscribed, inOrder.Status);
        Assert.Equal(LeadStatus.Unsubscribed, reversed.Status);
    }

    [Fact]
    public void Apply_CountsEachKindAndEveryEvent_AndKeepsTheHighestPosition()
    {
        var lead = new LeadSnapshot();
        LeadProjection.Apply(lead, new TimelineEntry(7, Create(Email, EventKind.Opened, T0)));
        LeadProjection.Apply(lead, new TimelineEntry(3, Create(Email, EventKind.Opened, T0)));
        LeadProjection.Apply(lead, new TimelineEntry(5, Create(Email, EventKind.Clicked, T0)));

        Assert.Equal(3, lead.EventCount);
        Assert.Equal(new Dictionary<EventKind, int> { [EventKind.Opened] = 2, [EventKind.Clicked] = 1 }, lead.Counts);
        Assert.Equal(7, lead.Position);
    }

    [Fact]
    public void Apply_FirstAndLastActivity_AreTheEarliestAndLatestOccurredAt_NotArrivalOrder()
    {
        var lead = Project(
            Create(Email, EventKind.Opened, T0.AddHours(1)),
            Create(Email, EventKind.Replied, T0.AddHours(5), direction: Direction.Inbound),
            Create(Email, EventKind.Sent, T0));

        Assert.Equal(T0, lead.FirstActivityAt);
        Assert.Equal(T0.AddHours(5), lead.LastActivityAt);
    }

    [Fact]
    public void Apply_LatestSentiment_IsTheOneThatOccurredLast_EvenWhenAnOlderOneArrivesLater()
    {
        var lead = Project(
            Create(Email, EventKind.ReplyClassified, T0.AddHours(2), messageId: "r2", sentiment: ReplySentiment.Negative),
            Create(Email, EventKind.ReplyClassified, T0.AddHours(1), messageId: "r1", sentiment: ReplySentiment.Positive),
            Create(Email, EventKind.Opened, T0.AddHours(3)));

        Assert.Equal(ReplySentiment.Negative, lead.LatestReplySentiment);
        Assert.Equal(T0.AddHours(2), lead.LatestReplySentimentAt);
    }

    [Fact]
    public void Apply_SentimentsAtTheSameInstant_TheOneAppliedLastWins()
    {
        var lead = Project(
            Create(Email, EventKind.ReplyClassified, T0, messageId: "r1", sentiment: ReplySentiment.Negative),
            Create(Email, EventKind.ReplyClassified, T0, messageId: "r1", sentiment: ReplySentiment.Neutral));

        Assert.Equal(ReplySentiment.Neutral, lead.LatestReplySentiment);
    }

    [Fact]
    public void Apply_Identities_AccumulateAsSets_AndNamesKeepTheLastOneGiven()
    {
        var lead = Project(
            Create(Email, EventKind.Sent, T0) with { Lead = new LeadIdentity { Email = Email, Phone = "+4930123", FirstName = "Ada", Company = "Old" } },
            Create(Email, EventKind.Opened, T0) with { Lead = new LeadIdentity { Email = "ada@work.test", LinkedInPublicId = "ada-l", Company = "New" } },
            Create(Email, EventKind.Clicked, T0) with { Lead = new LeadIdentity { Email = Email, Phone = "", LastName = "Lovelace" } });

        Assert.Equal(["ada@example.test", "ada@work.test"], lead.Emails);
        Assert.Equal(["+4930123"], lead.Phones);
        Assert.Equal(["ada-l"], lead.LinkedInPublicIds);
        Assert.Equal(("Ada", "Lovelace", "New"), (lead.FirstName, lead.LastName, lead.Company));
    }

    [Fact]
    public void Apply_Campaigns_AreTheDistinctCampaignsNamed()
    {
        var lead = Project(
            Create(Email, EventKind.Sent, T0, campaignKey: "salesforge:b"),
            Create(Email, EventKind.Opened, T0, campaignKey: "salesforge:a"),
            Create(Email, EventKind.Clicked, T0, campaignKey: "salesforge:b"),
            Create(Email, EventKind.Opened, T0));

        Assert.Equal(["salesforge:a", "salesforge:b"], lead.Campaigns);
    }

    [Fact]
    public void Apply_Reply_RemembersItsCampaign_AndALaterClassificationAddsItsSentiment()
    {
        var lead = Project(
            Create(Email, EventKind.Replied, T0, campaignKey: "salesforge:a", messageId: "r1", direction: Direction.Inbound),
            Create(Email, EventKind.ReplyClassified, T0.AddMinutes(1), messageId: "r1", sentiment: ReplySentiment.Positive));

        var facts = Assert.Single(lead.Replies).Value;
        Assert.Equal(("salesforge:a", "Test campaign", ReplySentiment.Positive), (facts.CampaignKey, facts.CampaignName, facts.Sentiment));
    }

    [Fact]
    public void Apply_ClassificationBeforeItsReply_IsCompletedByTheReply()
    {
        var lead = Project(
            Create(Email, EventKind.ReplyClassified, T0.AddMinutes(1), messageId: "r1", sentiment: ReplySentiment.Negative),
            Create(Email, EventKind.Message, T0, campaignKey: "salesforge:a", messageId: "r1", direction: Direction.Inbound));

        var facts = lead.Replies["r1"];
        Assert.Equal(("salesforge:a", ReplySentiment.Negative), (facts.CampaignKey, facts.Sentiment));
    }

    [Fact]
    public void Apply_MessageIdsOfEventsThatAreNotReplies_AreNotRemembered()
    {
        var lead = Project(
            Create(Email, EventKind.Sent, T0, campaignKey: "salesforge:a", messageId: "m1"),
            Create(Email, EventKind.Message, T0, campaignKey: "salesforge:a", messageId: "m2", direction: Direction.Outbound),
            Create(Email, EventKind.Replied, T0, campaignKey: "salesforge:a", direction: Direction.Inbound));

        Assert.Empty(lead.Replies);
    }

    [Fact]
    public void ToView_ShowsTheDerivedState_AsACopy()
    {
        var lead = Project(
            Create(Email, EventKind.Sent, T0, campaignKey: "salesforge:a"),
            Create(Email, EventKind.ReplyClassified, T0.AddHours(1), messageId: "r1", sentiment: ReplySentiment.Positive));

        var view = LeadProjection.ToView("email:ada@example.test", lead);
        LeadProjection.Apply(lead, new TimelineEntry(99, Create(Email, EventKind.Sent, T0.AddDays(1))));

        Assert.Equal("email:ada@example.test", view.Id);
        Assert.Equal([Email], view.Emails);
        Assert.Equal(("Test", "Lead", "Example"), (view.FirstName, view.LastName, view.Company));
        Assert.Equal(LeadStatus.Replied, view.Status);
        Assert.Equal((T0, T0.AddHours(1)), (view.FirstActivityAt, view.LastActivityAt));
        Assert.Equal(2, view.EventCount);
        Assert.Equal(1, view.Counts[EventKind.Sent]);
        Assert.Equal(ReplySentiment.Positive, view.LatestReplySentiment);
        Assert.Equal(["salesforge:a"], view.Campaigns);
    }

    /// <summary>Applies the events in the order given, at increasing positions.</summary>
    private static LeadSnapshot Project(params ConversationEvent[] events)
    {
        var lead = new LeadSnapshot();
        for (var i = 0; i < events.Length; i++) LeadProjection.Apply(lead, new TimelineEntry(i + 1, events[i]));
        return lead;
    }
}
