using System.Globalization;
using Conversations.LoadTest.Cli;

namespace Conversations.LoadTest.Report;

/// <summary>
/// <c>compare --baseline noop.json --target service.json [--stored ROWS]</c>: the side-by-side table and the
/// service/no-op ratios; with <c>--stored</c>, checks the rows the database holds against the events the
/// service acknowledged as applied over its whole run. Exits 1 when they differ.
/// </summary>
internal static class CompareCommand
{
    public static int Run(Arguments args)
    {
        var baseline = SummaryFile.Read(args.RequiredString("baseline"));
        var target = SummaryFile.Read(args.RequiredString("target"));
        var stored = args.Long("stored", 0);
        args.EnsureAllRead();

        var c = CultureInfo.InvariantCulture;
        var width = Math.Max(8, Math.Max(baseline.Label.Length, target.Label.Length));
        Console.WriteLine(string.Create(c, $"{"endpoint".PadRight(width)} | {"requests/s",12} | {"durable events/s",16} | {"p50 ms",8} | {"p99 ms",8}"));
        Console.WriteLine(new string('-', width + 57));
        foreach (var s in new[] { baseline, target })
        {
            Console.WriteLine(string.Create(c, $"{s.Label.PadRight(width)} | {s.RequestsPerSecond,12:N1} | {s.AppliedEventsPerSecond,16:N1} | {s.LatencyMs.P50,8:0.00} | {s.LatencyMs.P99,8:0.00}"));
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"ratio {target.Label}/{baseline.Label}: requests/s {Ratio(target.RequestsPerSecond, baseline.RequestsPerSecond)}, durable events/s {Ratio(target.AppliedEventsPerSecond, baseline.AppliedEventsPerSecond)}, p50 {Ratio(target.LatencyMs.P50, baseline.LatencyMs.P50)}, p99 {Ratio(target.LatencyMs.P99, baseline.LatencyMs.P99)}"));

        foreach (var s in new[] { baseline, target })
        {
            var w = s.WholeRun;
            if (w.NonSuccess > 0 || w.Errors > 0)
                Console.WriteLine(string.Create(c, $"warning: {s.Label} had {w.NonSuccess:N0} non-2xx answers and {w.Errors:N0} failed requests over its run"));
        }

        if (stored is not { } rows) return 0;
        var acknowledged = target.WholeRun.AppliedEvents;
        var verdict = rows == acknowledged ? "match" : $"MISMATCH ({rows - acknowledged:+#;-#;0})";
        Console.WriteLine(string.Create(c,
            $"durability: {rows:N0} rows in conversation_events; {acknowledged:N0} events acknowledged as applied by {target.Label} over its whole run (warm-up included): {verdict}"));
        return rows == acknowledged ? 0 : 1;
    }

    private static string Ratio(double value, double baseline) =>
        baseline <= 0 ? "n/a" : (value / baseline).ToString("0.000", CultureInfo.InvariantCulture);
}
