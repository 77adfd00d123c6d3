using Conversations.Host.Hosting;

namespace Conversations.Host.Webhooks;

/// <summary>
/// Bounds on the bytes of bodies read but not yet verified: the deliveries of providers that sign (Breakcold,
/// SalesIQ, generic), whose authenticity only the whole body can show. Bound from <c>Conversations:Ingestion:UnverifiedBodies</c>,
/// as part of <see cref="IngestionOptions"/>, whose <c>MaxBodyBytes</c> it is checked against.
/// A declared <c>Content-Length</c> is held up front, a chunked body as it arrives; verification releases it.
/// </summary>
public sealed class UnverifiedBodyOptions
{
    public const string SectionName = "Conversations:Ingestion:UnverifiedBodies";

    /// <summary>
    /// Bytes held for unverified bodies in all; more get 503 <c>overloaded</c>. Default 64 MiB: 64 deliveries of the
    /// largest size at once, tens of thousands of real ones (a few KiB each).
    /// </summary>
    public int MaxBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// Bytes held for the unverified bodies of one client address (IPv6: one /64); more get 429. Default 8 MiB, an
    /// eighth of <see cref="MaxBytes"/>, so that it takes eight addresses to fill it. At least <c>Conversations:Ingestion:MaxBodyBytes</c>.
    /// </summary>
    public int MaxBytesPerAddress { get; set; } = 8 * 1024 * 1024;

    /// <summary>Adds a failure for each bound out of range; a body of <paramref name="maxBodyBytes"/> must fit in either.</summary>
    public void Check(List<string> failures, int maxBodyBytes)
    {
        SettingRange.Check(failures, SectionName, nameof(MaxBytes), MaxBytes, maxBodyBytes, int.MaxValue);
        // A body of the largest accepted size must fit in one address's share, or that address could never deliver it.
        SettingRange.Check(failures, SectionName, nameof(MaxBytesPerAddress), MaxBytesPerAddress, maxBodyBytes, MaxBytes);
    }
}
