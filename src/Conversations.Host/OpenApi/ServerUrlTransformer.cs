using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Conversations.Host.OpenApi;

/// <summary>
/// Server URLs without a trailing slash: every path in the document starts with one, and a server URL that ends
/// with one makes clients build <c>//api/...</c> (OpenAPI linters such as Redocly refuse it).
/// </summary>
internal sealed class ServerUrlTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
        }
        return Task.CompletedTask;
    }
}
