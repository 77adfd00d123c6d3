using System.Text.Json;

namespace Conversations.LoadTest.Delivery;

/// <summary>The ids of the events a 200 answer says were new (<c>applied</c> > 0 and its <c>eventIds</c>).</summary>
internal static class SentEvents
{
    public static IReadOnlyList<string> NewIn(byte[] body)
    {
        try
        {
            var receipt = JsonDocument.Parse(body).RootElement;
            if (!receipt.TryGetProperty("applied", out var applied) || applied.GetInt64() == 0) return [];
            return receipt.GetProperty("eventIds").EnumerateArray().Select(id => id.GetString()!).ToList();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }
}
