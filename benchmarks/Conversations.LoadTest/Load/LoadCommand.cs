using System.Globalization;
using Conversations.LoadTest.Report;

namespace Conversations.LoadTest.Load;

/// <summary><c>load</c>: runs the load, prints the summary to stdout, and writes it as JSON when asked.</summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{options.Label}] POST {options.Endpoint}: {options.WarmupSeconds}s warm-up + {options.DurationSeconds}s measured, {options.Connections} connections, {options.Leads:N0} leads in {options.Campaigns} campaigns, {options.RedeliveryRate:P0} redeliveries, run id {options.RunId}"));

        var result = await LoadRunner.RunAsync(options);
        var summary = LoadSummary.From(options, result);
        SummaryPrinter.Print(summary, Console.Out);
        if (options.JsonPath is { } path) await SummaryFile.WriteAsync(summary, path);

        // Non-2xx answers and failed requests are results, reported above, not a failure of the command.
        return 0;
    }
}
