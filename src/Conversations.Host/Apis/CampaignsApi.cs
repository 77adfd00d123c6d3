using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Timeline;
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
        group.MapGet("/{campaignId}/signals", GetSignalsAsync)
            .WithName("GetCampaignSignals")
            .WithSummary("The signals of the campaign's leads whose last piece of evidence belongs to the campaign, and the campaign's own alarms, in occurred-at order.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<SignalsResponse>, ProblemHttpResult>> GetSignalsAsync(
        string campaignId, ITimelineStore timeline, CancellationToken cancellationToken)
    {
        if (!TryParse(campaignId, out var key)) return InvalidKey();
        var signals = await timeline.ReadCampaignSignalsAsync(key, cancellationToken);
        // Counting the campaign's funnel only tells an unknown campaign from one without signals.
        if (signals.Count == 0 && await timeline.ReadCampaignAsync(key, cancellationToken) is null) return NotFound(key);
        return TypedResults.Ok(SignalsResponse.From(signals));
    }

    public static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> GetCampaignAsync(string campaignId, IGrainFactory grains)
    {
        if (!TryParse(campaignId, out var key)) return InvalidKey();
        return await grains.GetGrain<ICampaignGrain>(key).GetAsync() is { } campaign ? TypedResults.Ok(campaign) : NotFound(key);
    }

    /// <summary>What a campaign id must look like, for problem details.</summary>
    internal const string IdForm = "A campaign id is <provider>:<the provider's campaign id>, for example salesforge:seq_123.";

    internal static bool TryParse(string campaignId, out string key)
    {
        key = campaignId.Trim();
        return CampaignKey.ProviderOf(key) is not null && !key.EndsWith(':');
    }

    private static ProblemHttpResult InvalidKey() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidKey,
        title: "Not a campaign id", detail: IdForm);

    private static ProblemHttpResult NotFound(string key) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        type: ProblemTypes.NotFound, title: "Campaign not found", detail: $"No event has named campaign '{key}'.");
}
