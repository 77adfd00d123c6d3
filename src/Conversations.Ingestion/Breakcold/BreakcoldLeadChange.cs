using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Changes to the lead record: create, update, delete, status, list, tags and tracking. The document shows the
/// payload of these as the lead itself; a nested <c>lead</c> object is also accepted.
/// </summary>
internal static class BreakcoldLeadChange
{
    public static BreakcoldDetails Read(BreakcoldEventType type, PayloadObject root, PayloadObject payload, DateTimeOffset receivedAt)
    {
        var lead = UndocumentedField.Object(payload, "lead") ?? payload;
        var details = new BreakcoldDetails { Lead = lead, Time = TimeOf(type, lead, root, receivedAt) };
        return type.Name switch
        {
            "lead.status.update" => Status(details, payload),
            "lead.list.update" => List(details, payload),
            "lead.tags.update" => details with { Text = "tags changed" },
            "lead.track" => details with { Text = Tracking(lead.Boolean("is_tracked")) },
            _ => details,
        };
    }

    // created_at and updated_at date the lead record, not the change; each dates the change only for its own verb,
    // and is the last resort otherwise.
    private static ProviderTime? TimeOf(BreakcoldEventType type, PayloadObject lead, PayloadObject root, DateTimeOffset receivedAt)
    {
        var own = type.Verb switch
        {
            "create" => lead.Time("created_at", receivedAt),
            "delete" => lead.Time("is_deleted_at", receivedAt),
            _ => lead.Time("updated_at", receivedAt),
        };
        return own
            ?? BreakcoldTime.OfEnvelope(root, receivedAt)
            ?? lead.Time("updated_at", receivedAt)
            ?? lead.Time("created_at", receivedAt);
    }

    private static BreakcoldDetails Status(BreakcoldDetails details, PayloadObject payload)
    {
        var status = UndocumentedField.Object(payload, "status");
        var name = UndocumentedField.Text(status, "name") ?? UndocumentedField.Text(payload, "status") ?? UndocumentedField.Text(payload, "status_name");
        return details with
        {
            ActivityId = UndocumentedField.Id(status, "id") ?? UndocumentedField.Id(payload, "id_status"),
            Text = name is null ? "status changed" : $"status: {name}",
        };
    }

    private static BreakcoldDetails List(BreakcoldDetails details, PayloadObject payload)
    {
        var list = UndocumentedField.Object(payload, "list");
        var name = UndocumentedField.Text(list, "name") ?? UndocumentedField.Text(payload, "list_name");
        return details with
        {
            ActivityId = UndocumentedField.Id(list, "id") ?? UndocumentedField.Id(payload, "id_list"),
            Text = name is null ? "list changed" : $"list: {name}",
        };
    }

    private static string Tracking(bool? tracked) => tracked switch
    {
        true => "tracking started",
        false => "tracking stopped",
        null => "tracking changed",
    };
}
