using System.Globalization;

namespace Conversations.LoadTest.Report;

/// <summary>The human-readable summary of one run.</summary>
internal static class SummaryPrinter
{
    public static void Print(LoadSummary s, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var mix = s.Mix;
        double Share(long n) => s.Requests == 0 ? 0 : (double)n / s.Requests;
        var appliedSource = s.AppliedReportedByEndpoint ? "sum of \"applied\" in the answers" : "one per 2xx: the endpoint reports no \"applied\"";

        output.WriteLine(string.Create(c, $"== {s.Label}: {s.MeasuredSeconds:0.00} s measured after {s.WarmupSeconds} s warm-up; {s.Connections} connections, {s.Leads:N0} leads, {s.Campaigns} campaigns =="));
        output.WriteLine(string.Create(c, $"  requests         {s.Requests,10:N0}   {s.RequestsPerSecond,10:N1} /s"));
        output.WriteLine(string.Create(c, $"  2xx              {s.Success,10:N0}"));
        output.WriteLine(string.Create(c, $"  non-2xx          {s.NonSuccessByStatus.Values.Sum(),10:N0}   {Breakdown(s.NonSuccessByStatus)}"));
        output.WriteLine(string.Create(c, $"  errors           {s.ErrorsByType.Values.Sum(),10:N0}   {Breakdown(s.ErrorsByType)}"));
        output.WriteLine(string.Create(c, $"  durable events   {s.AppliedEvents,10:N0}   {s.AppliedEventsPerSecond,10:N1} /s   ({appliedSource})"));
        output.WriteLine(string.Create(c, $"  redeliveries     {mix.Redelivered,10:N0}   duplicates reported {s.DuplicatesReported:N0}"));
        output.WriteLine(string.Create(c, $"  mix              sent {Share(mix.Sent):0.0%}, opened {Share(mix.Opened):0.0%}, clicked {Share(mix.Clicked):0.0%}, replied {Share(mix.Replied):0.0%}, redelivered {Share(mix.Redelivered):0.0%}"));
        output.WriteLine(string.Create(c, $"  latency ms       p50 {s.LatencyMs.P50:0.00}   p90 {s.LatencyMs.P90:0.00}   p99 {s.LatencyMs.P99:0.00}   max {s.LatencyMs.Max:0.00}   mean {s.LatencyMs.Mean:0.00}"));
        var w = s.WholeRun;
        output.WriteLine(string.Create(c, $"  whole run        {w.Requests:N0} requests (warm-up included): {w.Success:N0} 2xx, {w.NonSuccess:N0} non-2xx, {w.Errors:N0} errors; {w.AppliedEvents:N0} events applied, {w.Redeliveries:N0} redeliveries, {w.DuplicatesReported:N0} duplicates reported"));
    }

    private static string Breakdown(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "" : "(" + string.Join(", ", counts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:N0}"))) + ")";
}
