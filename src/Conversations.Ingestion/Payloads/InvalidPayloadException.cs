namespace Conversations.Ingestion.Payloads;

/// <summary>
/// A field of a delivery is missing, of the wrong type or unusable. Thrown while reading a payload and turned
/// into <see cref="NormalizationErrorKind.InvalidPayload"/> by <see cref="JsonWebhookNormalizer"/>; it never leaves a
/// normalizer. The message names the field and is safe to show to the sender.
/// </summary>
internal sealed class InvalidPayloadException(string detail) : Exception(detail);
