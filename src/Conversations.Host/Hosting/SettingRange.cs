namespace Conversations.Host.Hosting;

internal static class SettingRange
{
    /// <summary>Adds a failure naming <c>{section}:{setting}</c> when <paramref name="value"/> is outside <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static void Check(List<string> failures, string section, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
            failures.Add($"{section}:{setting} must be between {min} and {max} (was {value}).");
    }
}
