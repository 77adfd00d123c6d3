using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Access;

/// <summary>The caller must hold <see cref="Scope"/> (or admin), unless operator access is open (Development).</summary>
public sealed record OperatorScopeRequirement(string Scope) : IAuthorizationRequirement;

public sealed class OperatorScopeHandler(IOptionsMonitor<OperatorAccessOptions> access) : AuthorizationHandler<OperatorScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorScopeRequirement requirement)
    {
        if (access.CurrentValue.IsOpen || OperatorScopes.Holds(context.User, requirement.Scope))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
