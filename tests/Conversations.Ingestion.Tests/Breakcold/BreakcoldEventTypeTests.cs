using Conversations.Abstractions.Events;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>Every event Breakcold's document lists, sent with a body of the shape its subject has.</summary>
public sealed class BreakcoldEventTypeTests
{
    private const string LeadBody = "breakcold/03-lead.status.update.json";
    private const string TaskBody = "breakcold/11-lead.task.create-phone-only.json";
    private const string MessageBody = "breakcold/04-lead.linkedin.new.json";
    private const string CampaignBody = "breakcold/05-campaign.email.reply.json";
    private const string Reply = "Interested, please send pricing.";
    private const string Task = "Call Jonas about the pilot";

    private readonly BreakcoldNormalizer _normalizer = new();

    public static TheoryData<string, string, EventKind, Channel, Direction, string?> LeadEvents => new()
    {
        { "lead.create", LeadBody, EventKind.LeadCreated, Channel.Crm, Direction.None, null },
        { "lead.update", LeadBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, null },
        { "lead.delete", LeadBody, EventKind.LeadDeleted, Channel.Crm, Direction.None, null },
        { "lead.status.update", LeadBody, EventKind.StatusUpdated, Channel.Crm, Direction.None, "status: Qualified" },
        { "lead.list.update", LeadBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, "list changed" },
        { "lead.tags.update", LeadBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, "tags changed" },
        { "lead.track", LeadBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, "tracking stopped" },
        { "lead.task.create", TaskBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, $"task created: {Task}" },
        { "lead.task.update", TaskBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, $"task updated: {Task}" },
        { "lead.task.delete", TaskBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, $"task deleted: {Task}" },
        { "lead.note.create", TaskBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, "note created" },
        { "lead.note.update", TaskBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, "note updated" },
        { "lead.note.delete", TaskBody, EventKind.LeadUpdated, Channel.Crm, Direction.None, "note deleted" },
        { "lead.linkedin.new", MessageBody, EventKind.Message, Channel.LinkedIn, Direction.Inbound, "Sounds good, let's set up a call." },
        { "lead.twitter.new", MessageBody, EventKind.Message, Channel.Twitter, Direction.Inbound, "Sounds good, let's set up a call." },
        { "lead.email.new", MessageBody, EventKind.Message, Channel.Email, Direction.Inbound, "Sounds good, let's set up a call." },
        { "campaign.email.sent", CampaignBody, EventKind.Sent, Channel.Email, Direction.Outbound, Reply },
        { "campaign.email.reply", CampaignBody, EventKind.Replied, Channel.Email, Direction.Inbound, Reply },
        { "campaign.email.open", CampaignBody, EventKind.Opened, Channel.Email, Direction.Inbound, null },
        { "campaign.email.click", CampaignBody, EventKind.Clicked, Channel.Email, Direction.Inbound, null },
        { "campaign.email.bounce", CampaignBody, EventKind.Bounced, Channel.Email, Direction.None, null },
        { "campaign.email.unsubscribe", CampaignBody, EventKind.Unsubscribed, Channel.Email, Direction.Inbound, null },
    };

    [Theory]
    [MemberData(nameof(LeadEvents))]
    public void Normalize_EachLeadEvent_GivesItsKindChannelDirectionAndText(
        string type, string fixture, EventKind kind, Channel channel, Direction direction, string? text)
    {
        var e = _normalizer.Normalize(Bodies.Edit(fixture, root => root["event"] = type)).SingleEvent();

        Assert.Equal((kind, channel, direction, text), (e.Kind, e.Channel, e.Direction, e.Text));
    }

    [Theory]
    [InlineData("campaign.email.sent")]
    [InlineData("campaign.email.reply")]
    [InlineData("campaign.email.open")]
    [InlineData("campaign.email.click")]
    [InlineData("campaign.email.bounce")]
    [InlineData("campaign.email.unsubscribe")]
    public void Normalize_EachCampaignEmailEvent_CarriesItsCampaign(string type)
    {
        var e = _normalizer.Normalize(Bodies.Edit(CampaignBody, root => root["event"] = type)).SingleEvent();

        Assert.Equal(new CampaignRef("breakcold:cmp-55aa", "Ops leaders DACH"), e.Campaign);
    }

    public static TheoryData<string> WorkspaceEvents => new(
        from noun in new[] { "campaign", "list", "status", "tag" }
        from verb in new[] { "create", "update", "delete" }
        select $"{noun}.{verb}");

    [Theory]
    [MemberData(nameof(WorkspaceEvents))]
    public void Normalize_WorkspaceEvent_IsIgnoredAsRecorded(string type)
    {
        var result = _normalizer.Normalize(Bodies.Edit("breakcold/08-tag.create-no-lead.json", root => root["event"] = type));

        Assert.Equal($"breakcold workspace event '{type}' recorded, no lead", result.IgnoredReason);
        Assert.Null(result.Error);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Normalize_WorkspaceEventWithoutPayload_IsStillIgnored()
    {
        var result = _normalizer.Normalize(Bodies.Edit("breakcold/08-tag.create-no-lead.json", root => root.Remove("payload")));

        Assert.Equal("breakcold workspace event 'tag.create' recorded, no lead", result.IgnoredReason);
    }

    [Theory]
    [InlineData(" Lead.Status.Update ", EventKind.StatusUpdated)]
    [InlineData("LEAD.CREATE", EventKind.LeadCreated)]
    public void Normalize_WhenEventNameCasedOrPadded_StillRecognizesIt(string type, EventKind kind)
    {
        var e = _normalizer.Normalize(Bodies.Edit(LeadBody, root => root["event"] = type)).SingleEvent();

        Assert.Equal(kind, e.Kind);
    }

    [Fact]
    public void Normalize_WhenWorkspaceEventCased_NamesItCanonically()
    {
        var result = _normalizer.Normalize(Bodies.Edit("breakcold/08-tag.create-no-lead.json", root => root["event"] = "Tag.Create"));

        Assert.Equal("breakcold workspace event 'tag.create' recorded, no lead", result.IgnoredReason);
    }

    [Theory]
    [InlineData("record.created", "unsupported breakcold event 'record.created'")]
    [InlineData("lead", "unsupported breakcold event 'lead'")]
    [InlineData("", "unsupported breakcold event ''")]
    [InlineData("lead.create\u202e\n", "unsupported breakcold event 'lead.create??'")]
    public void Normalize_UnknownEvent_IsIgnoredWithASafeEcho(string type, string reason)
    {
        var result = _normalizer.Normalize(Bodies.Edit(LeadBody, root => root["event"] = type));

        Assert.Equal(reason, result.IgnoredReason);
        Assert.Empty(result.Events);
    }
}
