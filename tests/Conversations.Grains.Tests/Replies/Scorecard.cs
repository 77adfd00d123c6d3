using System.Globalization;
using Conversations.Grains.Signals;

namespace Conversations.Grains.Tests.Replies;

/// <summary>Precision and recall per intent of a classifier on a labelled set.</summary>
public sealed class Scorecard
{
    private readonly List<(ReplyIntent Expected, ReplyIntent Actual, LabelledReply Reply)> _verdicts = [];

    public Scorecard(ReplyIntentClassifier classifier, IEnumerable<LabelledReply> replies)
    {
        foreach (var reply in replies) _verdicts.Add((reply.Intent, classifier.Classify(reply.Subject, reply.Text).Intent, reply));
    }

    public int Count => _verdicts.Count;

    public int Labelled(ReplyIntent intent) => _verdicts.Count(v => v.Expected == intent);

    /// <summary>Of the replies classified as <paramref name="intent"/>, the share labelled so (1 when none was).</summary>
    public double Precision(ReplyIntent intent)
    {
        var predicted = _verdicts.Count(v => v.Actual == intent);
        return predicted == 0 ? 1 : (double)_verdicts.Count(v => v.Actual == intent && v.Expected == intent) / predicted;
    }

    /// <summary>Of the replies labelled <paramref name="intent"/>, the share classified so.</summary>
    public double Recall(ReplyIntent intent)
    {
        var labelled = Labelled(intent);
        return labelled == 0 ? 1 : (double)_verdicts.Count(v => v.Actual == intent && v.Expected == intent) / labelled;
    }

    public IEnumerable<string> Mistakes() => _verdicts.Where(v => v.Expected != v.Actual)
        .Select(v => $"{v.Reply.Id} ({v.Reply.Language}) labelled {v.Expected}, classified {v.Actual}: {v.Reply.Text.ReplaceLineEndings(" ")[..Math.Min(120, v.Reply.Text.Length)]}");

    /// <summary>The README's table: one row per intent, the development set's figures, then the held-out set's.</summary>
    public static string MarkdownTable(Scorecard dev, Scorecard heldOut)
    {
        var lines = new List<string>
        {
            $"| intent | precision (dev, {dev.Count} replies) | recall (dev) | precision (held-out, {heldOut.Count} replies) | recall (held-out) |",
            "|---|---|---|---|---|",
        };
        foreach (var intent in Enum.GetValues<ReplyIntent>())
        {
            lines.Add($"| {Name(intent)} ({dev.Labelled(intent)} / {heldOut.Labelled(intent)}) | {F(dev.Precision(intent))} | {F(dev.Recall(intent))} | " +
                $"{F(heldOut.Precision(intent))} | {F(heldOut.Recall(intent))} |");
        }
        return string.Join('\n', lines);
    }

    private static string Name(ReplyIntent intent) => intent switch
    {
        ReplyIntent.OutOfOffice => "out-of-office",
        _ => intent.ToString().ToLowerInvariant(),
    };

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
