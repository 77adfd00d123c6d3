using System.Text.Json;

namespace Conversations.LoadTest.Report;

/// <summary>Reads and writes a summary as a JSON file.</summary>
internal static class SummaryFile
{
    public static async Task WriteAsync(LoadSummary summary, string path)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, summary, SummaryJson.Default.LoadSummary);
    }

    public static LoadSummary Read(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize(file, SummaryJson.Default.LoadSummary)
            ?? throw new InvalidDataException($"{path} holds no summary");
    }
}
