using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Host.Apis;
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
        builder.Services.AddOpenApi();
        builder.Services.AddConversationsHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookIngestor>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateOnStart();
    }
}
