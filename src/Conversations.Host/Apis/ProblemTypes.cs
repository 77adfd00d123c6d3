namespace Conversations.Host.Apis;

/// <summary>The <c>type</c> URIs of this service's problem details (RFC 9457), documented in the README.</summary>
public static class ProblemTypes
{
    private const string Base = "https://github.com/orleans-conversations/docs/problems/";
    public const string UnknownProvider = Base + "unknown-provider";
    public const string NotAuthentic = Base + "not-authentic";
    public const string NotAuthorized = Base + "not-authorized";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string BodyTooLarge = Base + "body-too-large";
    public const string BodyTooSlow = Base + "body-too-slow";
    public const string IncompleteBody = Base + "incomplete-body";
    public const string RateLimited = Base + "rate-limited";
    public const string MalformedJson = Base + "malformed-json";
    public const string InvalidPayload = Base + "invalid-payload";
    public const string NoLeadIdentity = Base + "no-lead-identity";
    public const string StorageUnavailable = Base + "storage-unavailable";
    public const string UnstorableValue = Base + "unstorable-value";
    public const string Overloaded = Base + "overloaded";
    public const string InvalidKey = Base + "invalid-key";
    public const string NotFound = Base + "not-found";
    public const string InvalidParameter = Base + "invalid-parameter";
    public const string NotMerged = Base + "not-merged";
}
