// Prints the signals of an Orleans.Conversations cluster as they are stored, one line each, and keeps the cursor of
// the last one in a file, so a restart resumes there: nothing stored meanwhile is missed.
//
//   dotnet run --project samples/SignalPrinter                        every signal, from what is new
//   dotnet run --project samples/SignalPrinter -- --type hot-lead --type positive-reply --campaign salesforge:seq_1
//
// Settings (command line, environment Conversations__Client__*): Conversations:Client:GatewayPort (30000, the
// service's default on this machine), or Conversations:Client:PostgreSqlConnectionString for a cluster on PostgreSQL,
// ClusterId and ServiceId as the service's; --cursor-file (default last-signal.txt).
using Conversations.Abstractions.Signals;
using Conversations.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleansClient(client => client.UseConversations(options =>
    builder.Configuration.GetSection(ConversationsClientOptions.SectionName).Bind(options)));
using var host = builder.Build();
await host.StartAsync();

var types = builder.Configuration.GetSection("type").Get<string[]>() ?? (builder.Configuration["type"] is { } one ? [one] : []);
var filter = new SignalFilter(types.ToHashSet(StringComparer.Ordinal), builder.Configuration["campaign"]);
var cursorFile = builder.Configuration["cursor-file"] ?? "last-signal.txt";
var after = SignalFeedCursor.TryParse(File.Exists(cursorFile) ? File.ReadAllText(cursorFile).Trim() : null, out var saved) ? saved : null;
Console.WriteLine(after is null ? "Following new signals." : $"Resuming after {after}.");

var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
try
{
    await foreach (var (cursor, signal) in host.Services.GetRequiredService<SignalFollower>().FollowAsync(filter, after, stopping))
    {
        Console.WriteLine($"{signal.DetectedAt:u} {signal.Type,-45} lead {signal.LeadId} campaign {signal.CampaignKey ?? "-"} evidence {string.Join(", ", signal.Evidence)}");
        await File.WriteAllTextAsync(cursorFile, cursor.ToString(), CancellationToken.None);
    }
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
}
await host.StopAsync();
