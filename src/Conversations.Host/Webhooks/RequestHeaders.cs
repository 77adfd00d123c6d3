namespace Conversations.Host.Webhooks;

internal static class RequestHeaders
{
    /// <summary>The request's headers as a case-insensitive dictionary (repeated headers joined with commas).</summary>
    public static IReadOnlyDictionary<string, string> Of(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers) headers[name] = values.ToString();
        return headers;
    }
}
