using Conversations.Host.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Conversations.Host.Access;

public static class AccessHostingExtensions
{
    private const string OperatorScheme = "Operator";

    /// <summary>
    /// Authentication (API keys, JWT bearer when configured) and the read/admin policies that every operator
    /// route requires. Webhooks authenticate per provider and health checks are open, so neither uses these.
    /// </summary>
    public static IServiceCollection AddConversationsAccess(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<OperatorAccessOptions>, OperatorAccessOptionsValidator>();
        services.AddOptions<OperatorAccessOptions>().BindConfiguration(OperatorAccessOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();

        services.AddAuthentication(OperatorScheme)
            .AddPolicyScheme(OperatorScheme, "API key or bearer token", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();

        services.AddSingleton<IAuthorizationHandler, OperatorScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        var read = new AuthorizationPolicyBuilder().AddRequirements(new OperatorScopeRequirement(OperatorScopes.Read)).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorScopes.ReadPolicy, read)
            .AddPolicy(OperatorScopes.AdminPolicy, p => p.AddRequirements(new OperatorScopeRequirement(OperatorScopes.Admin)))
            // Secure by default: a route that says nothing needs the read scope.
            .SetFallbackPolicy(read);
        return services;
    }

    /// <summary>Operator endpoints for the <c>read</c> scope (outside open Development access), within the operators' rate limit.</summary>
    public static TBuilder RequireOperatorRead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(OperatorScopes.ReadPolicy).RequireRateLimiting(RateLimitPolicies.Operators);

    /// <summary>Operator endpoints for the <c>admin</c> scope (outside open Development access), within the operators' rate limit.</summary>
    public static TBuilder RequireOperatorAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(OperatorScopes.AdminPolicy).RequireRateLimiting(RateLimitPolicies.Operators);

    /// <summary>Anyone may call these endpoints, on every listener: webhooks (verified per provider) and health checks.</summary>
    public static TBuilder AllowPublicAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(PublicEndpoint.Instance);

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers[HeaderNames.Authorization].FirstOrDefault();
        var jwt = context.RequestServices.GetRequiredService<IOptionsMonitor<OperatorAccessOptions>>().CurrentValue.Jwt;
        return jwt.IsConfigured && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
            ? JwtBearerDefaults.AuthenticationScheme
            : ApiKeyAuthenticationHandler.SchemeName;
    }
}
