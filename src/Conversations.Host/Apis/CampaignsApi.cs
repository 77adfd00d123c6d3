using Conversations.Abstractions.Campaigns;
using Conversations.Host.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Host.Apis;

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireOperatorRead();
        group.MapGet("/{campaignId}", GetCampaignAsync)
            .WithName("GetCampaign")
            .WithSummary("A campaign's name, number of leads and funnel counts (distinct leads). Ids look like salesforge:seq_123.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> GetCampaignAsync(string campaignId, IGrainFactory grains)
    {
        var key = campaignId.Trim();
        if (CampaignKey.ProviderOf(key) is null || key.EndsWith(':'))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidKey,
                title: "Not a campaign id", detail: "A campaign id is <provider>:<the provider's campaign id>, for example salesforge:seq_123.");
        return await grains.GetGrain<ICampaignGrain>(key).GetAsync() is { } campaign
            ? TypedResults.Ok(campaign)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound,
                title: "Campaign not found", detail: $"No event has named campaign '{key}'.");
    }
}
