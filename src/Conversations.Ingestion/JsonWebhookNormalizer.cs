using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion;

/// <summary>
/// A normalizer of bodies that are one JSON object. A body that is not is rejected as malformed; a field a
/// reader finds missing or unusable is rejected as an invalid payload, naming the field.
/// </summary>
public abstract class JsonWebhookNormalizer(string provider) : IWebhookNormalizer
{
    public string Provider => provider;

    public NormalizationResult Normalize(WebhookDelivery delivery)
    {
        var body = delivery.Json;
        if (Malformed(body) is { } detail) return NormalizationResult.Rejected(NormalizationErrorKind.MalformedJson, detail);
        try
        {
            return Normalize(PayloadObject.Root(body.Root), delivery.ReceivedAt);
        }
        catch (InvalidPayloadException e)
        {
            return NormalizationResult.Rejected(NormalizationErrorKind.InvalidPayload, e.Message);
        }
    }

    private protected abstract NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt);

    private static string? Malformed(ParsedBody body) => body.Fault switch
    {
        BodyFault.None => null,
        BodyFault.Empty => "body is empty",
        BodyFault.NotUtf8 => "body is not valid UTF-8",
        BodyFault.NotJson => $"body is not valid JSON or nests deeper than {ParsedBody.MaxDepth} levels{body.Position}",
        _ => "body is not a JSON object",
    };
}
