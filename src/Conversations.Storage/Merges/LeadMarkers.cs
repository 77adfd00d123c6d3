using System.Security.Cryptography;
using System.Text;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Storage.Merges;

/// <summary>The timeline entries this service writes about a lead itself: merged, unmerged, merge refused.</summary>
internal static class LeadMarkers
{
    public const string Provider = "conversations";

    public static ConversationEvent Merged(string mergeId, string absorbedId, int aliases, int rows, DateTimeOffset at) => Marker(
        $"{Provider}:lead_merged:{mergeId}", EventKind.LeadMerged, at,
        $"Lead {absorbedId} was merged into this lead ({mergeId}): {aliases} alias(es) and {rows} timeline entr{(rows == 1 ? "y" : "ies")} moved here.");

    public static ConversationEvent Unmerged(string mergeId, string leadId, string otherLeadId, bool survivor, DateTimeOffset at) => Marker(
        $"{Provider}:lead_unmerged:{mergeId}:{leadId}", EventKind.LeadUnmerged, at,
        survivor
            ? $"Merge {mergeId} was undone: lead {otherLeadId} stands on its own again, with its aliases and entries."
            : $"Merge {mergeId} into lead {otherLeadId} was undone: this lead stands on its own again, with its aliases and entries.");

    /// <summary>Once per set of leads: a later event that names them again does not repeat it.</summary>
    public static ConversationEvent MergeRefused(IReadOnlyList<string> leadIds, MergeRefusal refusal, int aliases, int maxAliases, DateTimeOffset at)
    {
        var named = string.Join(",", leadIds.Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(named)).AsSpan(0, 16));
        var why = refusal switch
        {
            MergeRefusal.UnmergedBefore => "an operator split them before",
            _ => $"together they would hold {aliases} aliases, more than the {maxAliases} allowed for one person",
        };
        return Marker($"{Provider}:merge_refused:{hash}", EventKind.MergeRefused, at,
            $"Leads {string.Join(", ", leadIds)} were named by one event but not merged: {why}. Their aliases stay where they are.");
    }

    private static ConversationEvent Marker(string eventId, EventKind kind, DateTimeOffset at, string text) => new()
    {
        EventId = eventId,
        Kind = kind,
        Channel = Channel.System,
        Provider = Provider,
        OccurredAt = at,
        ReceivedAt = at,
        Lead = new LeadIdentity(),
        Text = text,
    };
}
