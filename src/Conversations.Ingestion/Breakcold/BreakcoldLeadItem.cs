using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Tasks and notes on a lead. Their shape is not documented: the item is read from a <c>task</c> or <c>note</c>
/// object, else from the payload itself, and its lead from a <c>lead</c> object.
/// </summary>
internal static class BreakcoldLeadItem
{
    public static BreakcoldDetails Read(BreakcoldEventType type, PayloadObject root, PayloadObject payload, DateTimeOffset receivedAt)
    {
        var noun = type.Name.Split('.')[1];
        var item = UndocumentedField.Object(payload, noun) ?? payload;
        var change = $"{noun} {PastTense(type.Verb)}";
        // A note's content is free text about the lead, so only the fact that it changed is kept.
        var title = noun == "task" ? UndocumentedField.Text(item, "title") ?? UndocumentedField.Text(item, "name") : null;
        return new BreakcoldDetails
        {
            Lead = UndocumentedField.Object(payload, "lead") ?? UndocumentedField.Object(item, "lead"),
            Time = TimeOf(type.Verb, item, root, receivedAt),
            ActivityId = UndocumentedField.Id(item, "id"),
            Text = title is null ? change : $"{change}: {title}",
        };
    }

    private static ProviderTime? TimeOf(string verb, PayloadObject item, PayloadObject root, DateTimeOffset receivedAt)
    {
        var own = verb switch
        {
            "create" => BreakcoldTime.First(item, receivedAt, "created_at"),
            "delete" => BreakcoldTime.First(item, receivedAt, "deleted_at", "is_deleted_at"),
            _ => BreakcoldTime.First(item, receivedAt, "updated_at"),
        };
        return own ?? BreakcoldTime.OfEnvelope(root, receivedAt) ?? BreakcoldTime.First(item, receivedAt, "updated_at", "created_at");
    }

    private static string PastTense(string verb) => verb switch
    {
        "create" => "created",
        "update" => "updated",
        "delete" => "deleted",
        _ => verb,
    };
}
