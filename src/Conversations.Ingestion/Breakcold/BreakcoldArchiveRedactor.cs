using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Keeps Breakcold's shared webhook secret out of the archive: the top-level <c>secret</c> of every body, the one
/// <see cref="BreakcoldBodySecret"/> checks, is replaced whether or not this service is configured to check it.
/// </summary>
public sealed class BreakcoldArchiveRedactor : IArchiveRedactor
{
    public ReadOnlyMemory<byte> Redact(ReadOnlyMemory<byte> body) => JsonSecretRedaction.RedactTopLevelString(body, BreakcoldBodySecret.PropertyName);
}
