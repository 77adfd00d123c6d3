using Conversations.Host.Access;
using Conversations.Host.Apis;
using Conversations.Host.Hosting;
using Conversations.Host.Management;
using Conversations.Host.Observability;
using Conversations.Host.OperatorPage;
using Conversations.Ingestion;
using Conversations.Storage;

if (NewApiKeyCommand.IsRequested(args)) return NewApiKeyCommand.Run(args, Console.Out);
StartupFailure.ReportConfigurationErrorsAtExit();

var builder = WebApplication.CreateBuilder(args);

var storage = builder.Services.AddConversationsStorage(builder.Configuration);
builder.AddConversationsSilo(storage);
builder.Services.AddConversationsIngestion();
builder.AddConversationsApi();
builder.AddConversationsLimits();
builder.Services.AddConversationsAccess();
builder.AddConversationsManagementListener();
builder.AddConversationsObservability();
builder.Services.AddHostedService<StartupBanner>();
builder.Services.AddHostedService<RetiredSettingsWarning>();

var app = builder.Build();
app.ValidateConfiguration();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseManagementListener();
// Before authentication, so that guessing keys spends the caller's budget too.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi().RequireOperatorRead();
app.MapHealthApi();
app.MapWebhooksApi();
app.MapLeadsApi();
app.MapCampaignsApi();
app.MapSignalsApi();
app.MapAdminApi();
app.MapDashboardApi();
app.MapOperatorPage();
app.MapMetricsApi();

app.Run();
return 0;

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
