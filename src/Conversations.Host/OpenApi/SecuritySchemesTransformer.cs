using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Conversations.Host.OpenApi;

/// <summary>Declares every security scheme in the document's components.</summary>
internal sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, scheme) in SecuritySchemes.All) document.Components.SecuritySchemes[name] = scheme;
        return Task.CompletedTask;
    }
}
