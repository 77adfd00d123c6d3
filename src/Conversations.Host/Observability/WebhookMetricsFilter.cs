using Conversations.Host.Webhooks;
using Conversations.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Host.Observability;

/// <summary>Counts each webhook answer in <see cref="WebhookMetrics"/> from the result the receiver returned.</summary>
public sealed class WebhookMetricsFilter(WebhookMetrics metrics, WebhookProviders providers) : IEndpointFilter
{
    /// <summary>Unknown provider names are counted under this one: a caller must not be able to add series.</summary>
    private const string UnknownProvider = "unknown";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var provider = context.HttpContext.GetRouteValue("provider") is string name && providers.TryGet(name, out var known) ? known.Name : UnknownProvider;
        switch (result is INestedHttpResult nested ? nested.Result : result)
        {
            case Ok<WebhookReceipt> { Value: { } receipt }:
                metrics.Answered(provider, receipt);
                break;
            case ProblemHttpResult problem:
                metrics.Refused(provider, ReasonOf(problem));
                break;
        }
        return result;
    }

    /// <summary>The last segment of the problem's type URI (<c>not-authentic</c>, <c>body-too-large</c>, …).</summary>
    private static string ReasonOf(ProblemHttpResult problem) =>
        problem.ProblemDetails.Type is { } type ? type[(type.LastIndexOf('/') + 1)..] : $"status-{problem.StatusCode}";
}
