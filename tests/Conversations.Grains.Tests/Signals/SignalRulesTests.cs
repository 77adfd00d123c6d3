using Conversations.Abstractions.Events;
using Conversations.Grains.Signals;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests.Signals;

/// <summary>
/// The rules as pure functions of a lead's timeline and its new events, without a cluster: in order, out of order
/// (a late event completes a pattern and fires it then), and redelivered (nothing new, nothing fired).
/// </summary>
public sealed class SignalRulesTests
{
    private readonly SignalDetector _detector = new(new SignalRuleOptions(), ReplyIntentClassifier.Default);
    private readonly string _email = NewEmail();

    [Fact]
    public void PositiveLinkedInReply_AfterAnEmailOpen_FiresWithBothAsEvidence()
    {
        var open = Event(EventKind.Opened, T0);
        var reply = LinkedInReply("Sounds good, let's talk on Thursday.", T0.AddDays(2));

        var signal = Assert.Single(Detect([open, reply], reply), s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);

        Assert.Equal([open.EventId, reply.EventId], signal.Evidence);
        Assert.Equal(reply.OccurredAt, signal.OccurredAt);
    }

    [Fact]
    public void PositiveLinkedInReply_ThenALateOpenThatHappenedBefore_FiresWhenTheOpenArrives_Once()
    {
        var reply = LinkedInReply("Yes, send me more information please.", T0.AddDays(2));
        var lateOpen = Event(EventKind.Opened, T0);

        var whenTheReplyArrives = Detect([reply], reply);
        var whenTheOpenArrives = Detect([reply, lateOpen], lateOpen);
        var whenTheOpenIsRedelivered = _detector.Detect([reply, lateOpen], new HashSet<string>());

        Assert.DoesNotContain(whenTheReplyArrives, s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
        var signal = Assert.Single(whenTheOpenArrives, s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
        Assert.Equal([lateOpen.EventId, reply.EventId], signal.Evidence);
        Assert.Empty(whenTheOpenIsRedelivered);
    }

    [Theory]
    [InlineData(-1)] // the open came after the reply
    [InlineData(31)] // the open is older than the 30-day window
    public void PositiveLinkedInReply_WithoutAnOpenInTheWindowBeforeIt_DoesNotFire(int daysBeforeReply)
    {
        var reply = LinkedInReply("Interested, let's set up a call.", T0);
        var open = Event(EventKind.Opened, T0.AddDays(-daysBeforeReply));

        Assert.DoesNotContain(Detect([open, reply], open, reply), s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
    }

    [Fact]
    public void TheProvidersClassification_Wins_AndFiresWhenItArrivesAfterTheReply_KeyedByTheReply()
    {
        var reply = Event(EventKind.Replied, T0, messageId: "m-1") with { Text = "Thanks for reaching out." };
        var classified = Event(EventKind.ReplyClassified, T0.AddMinutes(5), messageId: "m-1", sentiment: ReplySentiment.Positive);

        var before = Detect([reply], reply);
        var after = Detect([reply, classified], classified);

        Assert.DoesNotContain(before, s => s.Type == SignalTypes.PositiveReply);
        var signal = Assert.Single(after, s => s.Type == SignalTypes.PositiveReply);
        Assert.Equal("salesforge:m-1", signal.Anchor);
        Assert.Equal([reply.EventId], signal.Evidence);
    }

    [Fact]
    public void AnAutomaticReply_IsOutOfOffice_AndCountsAsAReplyForNothingElse()
    {
        var opens = Enumerable.Range(0, 3).Select(i => Event(EventKind.Opened, T0.AddHours(i))).ToList();
        var autoReply = Event(EventKind.Replied, T0.AddMinutes(-30)) with { Subject = "Automatic reply: Idea for Fabrikam", Text = "I am out of the office." };

        var signals = Detect([autoReply, .. opens], [autoReply, .. opens]);

        Assert.Contains(signals, s => s.Type == SignalTypes.OutOfOffice);
        Assert.DoesNotContain(signals, s => s.Type is SignalTypes.PositiveReply or SignalTypes.NegativeReply);
        Assert.Contains(signals, s => s.Type == SignalTypes.HotLead);
    }

    [Fact]
    public void HotLead_ThreeOpensOrAClickAndTwoOpensWithin48Hours_WithoutAReplyYet_OncePerLead()
    {
        var threeOpens = Enumerable.Range(0, 3).Select(i => Event(EventKind.Opened, T0.AddHours(20 * i))).ToList();
        var clickAndTwo = new[] { Event(EventKind.Opened, T0), Event(EventKind.Clicked, T0.AddHours(1)), Event(EventKind.Opened, T0.AddHours(2)) };
        var spread = Enumerable.Range(0, 3).Select(i => Event(EventKind.Opened, T0.AddDays(3 * i))).ToList();
        var reply = Event(EventKind.Replied, T0.AddMinutes(-1)) with { Text = "Who else uses this?" };

        Assert.Equal(DetectedSignal.OncePerLead, Assert.Single(Detect(threeOpens, [.. threeOpens]), s => s.Type == SignalTypes.HotLead).Anchor);
        Assert.Single(Detect(clickAndTwo, clickAndTwo), s => s.Type == SignalTypes.HotLead);
        Assert.DoesNotContain(Detect(spread, [.. spread]), s => s.Type == SignalTypes.HotLead);
        Assert.DoesNotContain(Detect([reply, .. threeOpens], [.. threeOpens]), s => s.Type == SignalTypes.HotLead);
    }

    [Fact]
    public void HotLead_ALateOpenThatCompletesTheWindow_FiresWhenItArrives()
    {
        var first = Event(EventKind.Opened, T0);
        var third = Event(EventKind.Opened, T0.AddHours(30));
        var lateSecond = Event(EventKind.Opened, T0.AddHours(10));

        Assert.DoesNotContain(Detect([first, third], first, third), s => s.Type == SignalTypes.HotLead);
        Assert.Single(Detect([first, third, lateSecond], lateSecond), s => s.Type == SignalTypes.HotLead);
    }

    [Fact]
    public void CrossChannelEngagement_AnEmailOpenAndALinkedInReplyWithinAWeek()
    {
        var open = Event(EventKind.Opened, T0);
        var reply = LinkedInReply("Who else uses this?", T0.AddDays(3));
        var muchLater = LinkedInReply("Who else uses this?", T0.AddDays(20));

        var signal = Assert.Single(Detect([open, reply], reply), s => s.Type == SignalTypes.CrossChannelEngagement);
        Assert.Equal([open.EventId, reply.EventId], signal.Evidence);
        Assert.DoesNotContain(Detect([open, muchLater], muchLater), s => s.Type == SignalTypes.CrossChannelEngagement);
    }

    [Fact]
    public void ContactAfterUnsubscribe_AndAfterBounce_FireForEachTouchAfterTheOptOut_AlsoWhenTheOptOutArrivesLate()
    {
        var sentBefore = Event(EventKind.Sent, T0, direction: Direction.Outbound);
        var lateUnsubscribe = Event(EventKind.Unsubscribed, T0.AddDays(1));
        var sentAfter = Event(EventKind.Sent, T0.AddDays(2), direction: Direction.Outbound);
        var bounce = Event(EventKind.Bounced, T0.AddDays(3));
        var messageAfter = Event(EventKind.Message, T0.AddDays(4), direction: Direction.Outbound) with { Channel = Channel.LinkedIn };

        var unsubscribed = Detect([sentBefore, sentAfter, lateUnsubscribe], lateUnsubscribe);
        var bounced = Detect([sentBefore, sentAfter, lateUnsubscribe, bounce, messageAfter], messageAfter);

        var alarm = Assert.Single(unsubscribed, s => s.Type == SignalTypes.ContactAfterUnsubscribe);
        Assert.Equal([lateUnsubscribe.EventId, sentAfter.EventId], alarm.Evidence);
        Assert.Single(bounced, s => s.Type == SignalTypes.ContactAfterBounce && s.Evidence.SequenceEqual([bounce.EventId, messageAfter.EventId]));
        Assert.Single(bounced, s => s.Type == SignalTypes.ContactAfterUnsubscribe && s.Anchor == messageAfter.EventId);
    }

    [Fact]
    public void SignalIds_AreTheSameForTheSameTypeAndAnchor_AndForOncePerLeadSignalsTheSameLead()
    {
        Assert.Equal(SignalId.Of(SignalTypes.HotLead, "ld_1", "lead"), SignalId.Of(SignalTypes.HotLead, "ld_1", "lead"));
        Assert.Matches("^sg_[0-9a-f]{32}$", SignalId.Of(SignalTypes.HotLead, "ld_1", "lead"));
        Assert.NotEqual(SignalId.Of(SignalTypes.HotLead, "ld_1", "lead"), SignalId.Of(SignalTypes.HotLead, "ld_2", "lead"));
        Assert.NotEqual(SignalId.Of(SignalTypes.PositiveReply, "ld_1", "salesforge:m-1"), SignalId.Of(SignalTypes.NegativeReply, "ld_1", "salesforge:m-1"));
        // A reply's signal is about the reply: after a merge moved it to another lead, finding it again gives the same id.
        Assert.Equal(SignalId.Of(SignalTypes.PositiveReply, "ld_1", "salesforge:m-1"), SignalId.Of(SignalTypes.PositiveReply, "ld_2", "salesforge:m-1"));
    }

    private IReadOnlyList<DetectedSignal> Detect(IEnumerable<ConversationEvent> timeline, params ConversationEvent[] newEvents) =>
        _detector.Detect(timeline, newEvents.Select(e => e.EventId).ToHashSet());

    private ConversationEvent Event(EventKind kind, DateTimeOffset at, string? messageId = null, ReplySentiment? sentiment = null, Direction direction = Direction.None) =>
        Create(_email, kind, at, messageId: messageId, sentiment: sentiment, direction: direction);

    private ConversationEvent LinkedInReply(string text, DateTimeOffset at) =>
        Create(_email, EventKind.Message, at, direction: Direction.Inbound) with { Channel = Channel.LinkedIn, Text = text };
}
