namespace Conversations.Host.Webhooks;

/// <summary>Why a request body could not be read whole.</summary>
internal enum BodyReadFailure
{
    None,

    /// <summary>It is (or declares to be) larger than the limit.</summary>
    TooLarge,

    /// <summary>It did not arrive within the body-read timeout, or arrived slower than Kestrel's minimum data rate.</summary>
    TooSlow,

    /// <summary>It ended before its declared length, was malformed on the wire, or the client went away.</summary>
    Incomplete,

    /// <summary>Unverified, it would take its client address over its share of unverified bytes.</summary>
    AddressOverUnverifiedShare,

    /// <summary>Unverified, it would take all unverified bodies over their limit.</summary>
    OverUnverifiedLimit,
}

/// <summary>The body read once: its bytes, or why there are none.</summary>
internal readonly record struct BodyReadOutcome(byte[]? Body, BodyReadFailure Failure)
{
    public static BodyReadOutcome Read(byte[] body) => new(body, BodyReadFailure.None);

    public static BodyReadOutcome Failed(BodyReadFailure failure) => new(null, failure);
}
