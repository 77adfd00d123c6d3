using Conversations.Host.Access;
using Orleans.Dashboard;

namespace Conversations.Host.Apis;

public static class DashboardApi
{
    public const string RoutePrefix = "/dashboard";

    /// <summary>The Orleans Dashboard, every route of it for operators with the read scope; not in the OpenAPI document.</summary>
    public static IEndpointConventionBuilder MapDashboardApi(this IEndpointRouteBuilder app) =>
        app.MapOrleansDashboard(routePrefix: RoutePrefix).ExcludeFromDescription().RequireOperatorRead();
}
