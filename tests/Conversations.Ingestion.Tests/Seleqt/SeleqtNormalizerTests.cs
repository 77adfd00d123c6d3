using System.Text.Json.Nodes;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Seleqt;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Seleqt;

public sealed class SeleqtNormalizerTests
{
    private const string Incoming = "seleqt/01-incoming_message.json";
    private const string IncomingAgain = "seleqt/02-incoming_message-duplicate.json";
    private const string NullsEverywhere = "seleqt/07-nulls-everywhere.json";

    private readonly SeleqtNormalizer _normalizer = new();

    [Fact]
    public void Normalize_WhenMessageDeliveredTwice_GivesSameEventId()
    {
        var first = _normalizer.NormalizeFixture(Incoming).SingleEvent();
        var second = _normalizer.NormalizeFixture(IncomingAgain).SingleEvent();

        Assert.Equal(first.EventId, second.EventId);
    }

    [Fact]
    public void Normalize_WhenMessageIdSameButTextEdited_KeepsEventId()
    {
        var edited = Bodies.Edit(Incoming, root => root.At("message")["message"] = "Edited.");

        var first = _normalizer.NormalizeFixture(Incoming).SingleEvent();
        var second = _normalizer.Normalize(edited).SingleEvent();

        Assert.Equal(first.EventId, second.EventId);
    }

    [Fact]
    public void Normalize_WhenMessagesDiffer_GivesDifferentEventIds()
    {
        var ids = Fixture.Names("seleqt")
            .Where(name => name != IncomingAgain)
            .Select(name => _normalizer.NormalizeFixture(name))
            .Where(result => result.Events.Count > 0)
            .Select(result => result.SingleEvent().EventId)
            .ToList();

        Assert.Equal(7, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Normalize_WhenProfileUrlWrittenTwoWays_GivesOneLeadKey()
    {
        var nl = _normalizer.NormalizeFixture("seleqt/03-no-email-linkedin-only.json").SingleEvent();
        var plain = _normalizer.NormalizeFixture("seleqt/04-url-variant-http-no-www.json").SingleEvent();

        Assert.Equal(nl.Lead.LinkedInPublicId, plain.Lead.LinkedInPublicId);
        Assert.Null(nl.Lead.Email);
    }

    [Fact]
    public void Normalize_WhenSentByUs_IsOutboundAndNotAReply()
    {
        var e = _normalizer.NormalizeFixture("seleqt/06-sent-by-us.json").SingleEvent();

        Assert.Equal(Direction.Outbound, e.Direction);
        Assert.False(e.IsReply);
    }

    [Fact]
    public void Normalize_WhenSentByLeadMissing_IsOutbound()
    {
        var body = Bodies.Edit(Incoming, root => root.At("message").Remove("sent_by_lead"));

        Assert.Equal(Direction.Outbound, _normalizer.Normalize(body).SingleEvent().Direction);
    }

    [Fact]
    public void Normalize_WhenNullsEverywhereButProfileUrl_Accepts()
    {
        var e = _normalizer.NormalizeFixture(NullsEverywhere).SingleEvent();

        Assert.Equal("anon-7", e.Lead.LinkedInPublicId);
        Assert.Null(e.Text);
        Assert.Null(e.Campaign);
        Assert.Null(e.Lead.Company);
    }

    [Fact]
    public void Normalize_WhenPublicIdGiven_PrefersItToProfileUrl()
    {
        var body = Bodies.Edit(Incoming, root => root.At("message.lead")["linkedin_profile_url"] = "https://www.linkedin.com/in/someone-else/");

        Assert.Equal("sofia-marquez-21", _normalizer.Normalize(body).SingleEvent().Lead.LinkedInPublicId);
    }

    [Fact]
    public void Normalize_WhenPublicIdUnusable_FallsBackToProfileUrl()
    {
        var body = Bodies.Edit(Incoming, root => root.At("message.lead")["linkedin_public_id"] = "  ");

        Assert.Equal("sofia-marquez-21", _normalizer.Normalize(body).SingleEvent().Lead.LinkedInPublicId);
    }

    [Fact]
    public void Normalize_WhenOnlyPhone_KeysLeadByPhone()
    {
        var body = Bodies.Edit(NullsEverywhere, root =>
        {
            var lead = root.At("message.lead");
            lead["linkedin_profile_url"] = null;
            lead["phone_number"] = "+31 (0)6 1234 5678";
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal("+31612345678", e.Lead.Phone);
    }

    [Fact]
    public void Normalize_WhenLeadHasOnlySeleqtsId_AcceptsUnderIt()
    {
        var body = Bodies.Edit(NullsEverywhere, root => root.At("message.lead")["linkedin_profile_url"] = null);

        var result = _normalizer.Normalize(body);

        Assert.Equal(["seleqt:lead:9"], Assert.Single(result.Leads).Aliases);
        Assert.Equal(_normalizer.NormalizeFixture(NullsEverywhere).SingleEvent().EventId, result.SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenNoIdentityAtAll_RejectsNamingFieldsLookedAt()
    {
        var body = Bodies.Edit(NullsEverywhere, root =>
        {
            root.At("message.lead")["linkedin_profile_url"] = null;
            root.At("message.lead")["id"] = null;
        });

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);

        Assert.Contains("message.lead.linkedin_profile_url", error.Detail, StringComparison.Ordinal);
        Assert.Contains("message.lead.id", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenLeadHasEveryIdentifier_GivesEveryAlias() =>
        Assert.Equal(
            ["email:sofia@tailwind.example", "linkedin:sofia-marquez-21", "phone:+34600123456", "seleqt:lead:4411"],
            Assert.Single(_normalizer.NormalizeFixture(Incoming).Leads).Aliases);

    [Fact]
    public void Normalize_WhenLeadMissing_RejectsAsNoLeadIdentity()
    {
        var body = Bodies.Edit(Incoming, root => root.At("message").Remove("lead"));

        _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);
    }

    [Fact]
    public void Normalize_WhenSentAtMissing_UsesCreatedAt()
    {
        var body = Bodies.Edit(Incoming, root =>
        {
            root.At("message")["sent_at"] = null;
            root.At("message")["created_at"] = "2026-09-18T12:00:00+02:00";
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(new DateTimeOffset(2026, 9, 18, 10, 0, 0, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(2), e.OccurredAt.Offset);
    }

    [Fact]
    public void Normalize_WhenEventOtherThanIncomingMessage_IgnoresDelivery()
    {
        var result = _normalizer.NormalizeFixture("seleqt/08-other-event.json");

        Assert.Equal("unsupported seleqt event 'connection_accepted'", result.IgnoredReason);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Normalize_WhenMessageTextIsHuge_TruncatesIt()
    {
        var body = Bodies.Edit(Incoming, root => root.At("message")["message"] = new string('m', 1_000_000));

        Assert.Equal(64 * 1024, _normalizer.Normalize(body).SingleEvent().Text!.Length);
    }

    [Fact]
    public void Normalize_WhenIdsAreStrings_AcceptsThem()
    {
        var body = Bodies.Edit(Incoming, root =>
        {
            root.At("message.lead")["id"] = "4411";
            root.At("message.campaign")["id"] = "2207";
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal("4411", e.Lead.ProviderLeadId);
        Assert.Equal("seleqt:2207", e.Campaign!.Key);
    }

    [Fact]
    public void Normalize_WhenIdIsBeyondDoublePrecision_KeepsEveryDigit()
    {
        var body = Bodies.Edit(Incoming, root => root.At("message.lead")["id"] = JsonValue.Create(9007199254740993L));

        Assert.Equal("9007199254740993", _normalizer.Normalize(body).SingleEvent().Lead.ProviderLeadId);
    }
}
