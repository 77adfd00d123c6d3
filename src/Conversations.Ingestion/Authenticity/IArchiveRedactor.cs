namespace Conversations.Ingestion.Authenticity;

/// <summary>
/// Removes the credentials a provider puts in its delivery bodies before a delivery is archived. A provider
/// whose bodies carry no credential has none.
/// </summary>
public interface IArchiveRedactor
{
    /// <summary>
    /// The body with its credentials replaced and every other byte kept. Never throws: a body it cannot read is
    /// returned with what was found before the unreadable part replaced.
    /// </summary>
    ReadOnlyMemory<byte> Redact(ReadOnlyMemory<byte> body);
}
