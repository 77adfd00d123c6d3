using Conversations.Abstractions.Events;

namespace Conversations.Ingestion.Breakcold;

/// <summary>Every event Breakcold's webhook document lists, and what each becomes.</summary>
internal sealed record BreakcoldEventType(string Name, BreakcoldSubject Subject, EventKind Kind, Channel Channel, Direction Direction)
{
    private static readonly Dictionary<string, BreakcoldEventType> ByName = new BreakcoldEventType[]
    {
        Crm("lead.create", BreakcoldSubject.Lead, EventKind.LeadCreated),
        Crm("lead.update", BreakcoldSubject.Lead, EventKind.LeadUpdated),
        Crm("lead.delete", BreakcoldSubject.Lead, EventKind.LeadDeleted),
        Crm("lead.status.update", BreakcoldSubject.Lead, EventKind.StatusUpdated),
        Crm("lead.list.update", BreakcoldSubject.Lead, EventKind.LeadUpdated),
        Crm("lead.tags.update", BreakcoldSubject.Lead, EventKind.LeadUpdated),
        Crm("lead.track", BreakcoldSubject.Lead, EventKind.LeadUpdated),
        Crm("lead.task.create", BreakcoldSubject.LeadItem, EventKind.LeadUpdated),
        Crm("lead.task.update", BreakcoldSubject.LeadItem, EventKind.LeadUpdated),
        Crm("lead.task.delete", BreakcoldSubject.LeadItem, EventKind.LeadUpdated),
        Crm("lead.note.create", BreakcoldSubject.LeadItem, EventKind.LeadUpdated),
        Crm("lead.note.update", BreakcoldSubject.LeadItem, EventKind.LeadUpdated),
        Crm("lead.note.delete", BreakcoldSubject.LeadItem, EventKind.LeadUpdated),
        // The direction of a message is read from the message when it says who wrote it.
        new("lead.linkedin.new", BreakcoldSubject.Message, EventKind.Message, Channel.LinkedIn, Direction.Inbound),
        new("lead.twitter.new", BreakcoldSubject.Message, EventKind.Message, Channel.Twitter, Direction.Inbound),
        new("lead.email.new", BreakcoldSubject.Message, EventKind.Message, Channel.Email, Direction.Inbound),
        Email("campaign.email.sent", EventKind.Sent, Direction.Outbound),
        Email("campaign.email.reply", EventKind.Replied, Direction.Inbound),
        Email("campaign.email.open", EventKind.Opened, Direction.Inbound),
        Email("campaign.email.click", EventKind.Clicked, Direction.Inbound),
        Email("campaign.email.bounce", EventKind.Bounced, Direction.None),
        Email("campaign.email.unsubscribe", EventKind.Unsubscribed, Direction.Inbound),
    }.ToDictionary(type => type.Name, StringComparer.Ordinal);

    /// <summary>Events about the workspace (campaigns, lists, statuses, tags): they name no lead.</summary>
    private static readonly HashSet<string> WorkspaceEvents = new(
        from noun in new[] { "campaign", "list", "status", "tag" }
        from verb in new[] { "create", "update", "delete" }
        select $"{noun}.{verb}",
        StringComparer.Ordinal);

    /// <summary>The last part of the name: <c>create</c>, <c>update</c>, <c>delete</c>, <c>new</c>, <c>track</c>, <c>open</c>...</summary>
    public string Verb => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>The event's type, or null for a workspace event or one the document does not list.</summary>
    public static BreakcoldEventType? Find(string name) => ByName.GetValueOrDefault(Canonical(name));

    /// <summary>The canonical name of a workspace event, or null when <paramref name="name"/> is none.</summary>
    public static string? Workspace(string name) => WorkspaceEvents.TryGetValue(Canonical(name), out var canonical) ? canonical : null;

    private static string Canonical(string name) => name.Trim().ToLowerInvariant();

    private static BreakcoldEventType Crm(string name, BreakcoldSubject subject, EventKind kind) =>
        new(name, subject, kind, Channel.Crm, Direction.None);

    private static BreakcoldEventType Email(string name, EventKind kind, Direction direction) =>
        new(name, BreakcoldSubject.CampaignEmail, kind, Channel.Email, direction);
}
