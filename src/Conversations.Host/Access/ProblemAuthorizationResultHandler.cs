using Conversations.Host.Apis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Access;

/// <summary>Answers a refused operator request with problem details: 401 without a valid credential, 403 without the scope.</summary>
public sealed class ProblemAuthorizationResultHandler(
    IProblemDetailsService problems,
    IOptionsMonitor<OperatorAccessOptions> access) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            await context.ChallengeAsync();
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Not authenticated", ChallengeDetail());
        }
        else if (authorizeResult.Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var scope = policy.Requirements.OfType<OperatorScopeRequirement>().FirstOrDefault()?.Scope ?? OperatorScopes.Admin;
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed", $"The credential is valid but lacks the '{scope}' scope this route needs.");
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    private string ChallengeDetail() => access.CurrentValue.HasCredentials
        ? $"Send an operator API key in the {ApiKeyAuthenticationHandler.HeaderName} header (or as the password of HTTP Basic), or a bearer token."
        : $"No operator credential is configured ({OperatorAccessOptions.SectionName}:ApiKeys or {OperatorAccessOptions.SectionName}:Jwt): this route is closed to everyone.";

    private Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Type = ProblemTypes.NotAuthorized },
        }).AsTask();
    }
}
