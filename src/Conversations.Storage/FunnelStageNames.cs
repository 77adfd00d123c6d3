using Conversations.Abstractions.Timeline;

namespace Conversations.Storage;

/// <summary>The stored (stable, lower snake case) names of funnel stages.</summary>
internal static class FunnelStageNames
{
    private static readonly Dictionary<FunnelStage, string> Names = Enum.GetValues<FunnelStage>()
        .ToDictionary(s => s, s => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()));

    private static readonly Dictionary<string, FunnelStage> Stages = Names.ToDictionary(p => p.Value, p => p.Key);

    public static string Name(FunnelStage stage) => Names[stage];

    public static bool TryParse(string name, out FunnelStage stage) => Stages.TryGetValue(name, out stage);
}
