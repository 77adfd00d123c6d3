using Conversations.Host.Access;
using Microsoft.OpenApi;

namespace Conversations.Host.OpenApi;

/// <summary>The security schemes the OpenAPI document declares: the operators' credentials and the webhooks' authenticity checks.</summary>
internal static class SecuritySchemes
{
    public const string OperatorApiKey = "operatorApiKey";
    public const string OperatorBasic = "operatorBasic";
    public const string OperatorBearer = "operatorBearer";

    public static readonly IReadOnlyList<string> Operator = [OperatorApiKey, OperatorBasic, OperatorBearer];

    public static readonly IReadOnlyDictionary<string, OpenApiSecurityScheme> All = new Dictionary<string, OpenApiSecurityScheme>
    {
        [OperatorApiKey] = Header(ApiKeyAuthenticationHandler.HeaderName,
            "An operator API key (Conversations:Access:ApiKeys) with the scope the operation names."),
        [OperatorBasic] = new()
        {
            Type = SecuritySchemeType.Http, Scheme = "basic",
            Description = "The same operator API key as the password of HTTP Basic (any user name); lets a browser open the dashboard.",
        },
        [OperatorBearer] = new()
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "A JWT from the organization's identity provider (Conversations:Access:Jwt) granting conversations.read or conversations.admin.",
        },
        ["webhookToken"] = new()
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "token",
            Description = "Salesforge, Seleqt, chat inbox: the provider's secret token (also accepted as the last path segment, /webhooks/{provider}/{token}).",
        },
        ["webhookTokenHeader"] = Header("X-Webhook-Token", "Salesforge, Seleqt, chat inbox: the provider's secret token, in a header instead of the URL."),
        ["breakcoldSignature"] = Header("X-Webhook-Signature",
            "Breakcold: sha256=<hex HMAC-SHA256 of \"{X-Webhook-Timestamp}.{body}\">, and/or the secret in the body."),
        ["salesIqSignature"] = Header("x-siqsignature", "Zoho SalesIQ: base64 RSA-SHA256 signature of the raw body."),
        ["standardWebhooksSignature"] = Header("webhook-signature",
            "generic: Standard Webhooks v1 signature, with webhook-id and webhook-timestamp."),
    };

    public static IEnumerable<string> Webhook => All.Keys.Except(Operator);

    private static OpenApiSecurityScheme Header(string name, string description) => new()
    {
        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = name, Description = description,
    };
}
