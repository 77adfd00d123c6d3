using Conversations.Host.Apis;
using Conversations.Host.Hosting;
using Conversations.Host.Limits;
using Conversations.Ingestion;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);

var storage = builder.AddConversationsStorage();
builder.AddConversationsSilo(storage);
builder.Services.AddConversationsIngestion();
builder.AddConversationsApi();
builder.AddConversationsLimits();
builder.Services.AddHostedService<StartupBanner>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapOpenApi();
app.MapHealthApi();
app.MapWebhooksApi();
app.MapLeadsApi();
app.MapCampaignsApi();
app.MapAdminApi();
app.MapOrleansDashboard(routePrefix: "/dashboard").ExcludeFromDescription().RequireRateLimiting(RateLimitPolicies.Operators);

app.Run();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
