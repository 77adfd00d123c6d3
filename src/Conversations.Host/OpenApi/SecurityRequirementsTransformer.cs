using Conversations.Host.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Conversations.Host.OpenApi;

/// <summary>
/// Says which credential each operation takes, so generated clients send it: webhooks one of the provider
/// checks, health checks none, every other operation an operator credential with the scope it needs.
/// </summary>
internal sealed class SecurityRequirementsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        if (metadata.OfType<PublicEndpoint>().Any())
        {
            if (context.Description.RelativePath?.StartsWith("webhooks", StringComparison.Ordinal) == true)
                operation.Security = SecuritySchemes.Webhook.Select(name => Requirement(name, document, [])).ToList();
            return Task.CompletedTask;
        }
        var scope = metadata.OfType<IAuthorizeData>().Any(a => a.Policy == OperatorScopes.AdminPolicy) ? OperatorScopes.Admin : OperatorScopes.Read;
        operation.Security = SecuritySchemes.Operator.Select(name => Requirement(name, document, [scope])).ToList();
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document, List<string> scopes) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = scopes };
}
