using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Host.Apis;
using Conversations.Host.Archive;
using Conversations.Host.Identity;
using Conversations.Host.OpenApi;
using Conversations.Host.Replay;
using Conversations.Host.Signals;
using Conversations.Host.Webhooks;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>JSON conventions (camelCase, enums as snake_case strings, ISO 8601 times), problem details, OpenAPI, health.</summary>
    public static void AddConversationsApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StorageUnavailableHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<SecuritySchemesTransformer>().AddDocumentTransformer<ServerUrlTransformer>().AddOperationTransformer<SecurityRequirementsTransformer>());
        builder.Services.AddConversationsHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLeadIdentity();
        builder.Services.AddConversationsSignals();
        builder.Services.AddSingleton<LeadGrainAppender>();
        builder.Services.AddSingleton<WebhookReceiver>();
        builder.Services.AddSingleton<IHttpContextFactory, WebhookTokenHttpContextFactory>();
        builder.Services.AddSingleton<DeliveryReplayer>();
        builder.Services.AddHostedService<ArchiveRetentionService>();
        builder.Services.AddHostedService<UnauthenticatedAccessReport>();
        builder.Services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        builder.Services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DevelopmentOnlySwitches>, DevelopmentOnlySwitchesValidator>();
        builder.Services.AddOptions<DevelopmentOnlySwitches>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateOnStart();
    }
}
