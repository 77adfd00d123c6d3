using System.Text.Json;

namespace Conversations.Abstractions;

/// <summary>
/// The lower snake case names of an enum's values (<c>ReplyClassified</c> → <c>reply_classified</c>), as event
/// ids and stored rows spell them. They are part of stored data: renaming an enum value changes them.
/// </summary>
public static class StableNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>()
        .ToDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    private static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Of(TEnum value) => Names[value];

    public static bool TryParse(string name, out TEnum value) => Values.TryGetValue(name, out value);
}
