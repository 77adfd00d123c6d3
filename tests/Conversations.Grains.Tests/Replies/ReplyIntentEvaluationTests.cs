using Conversations.Grains.Signals;

namespace Conversations.Grains.Tests.Replies;

/// <summary>
/// The classifier against the hand-labelled replies: a development set the phrases were tuned on, and a held-out set
/// written apart from them. The README's figures are this test's output.
/// </summary>
public sealed class ReplyIntentEvaluationTests
{
    private static readonly Scorecard Dev = new(ReplyIntentClassifier.Default, LabelledReply.Load("dev"));
    private static readonly Scorecard HeldOut = new(ReplyIntentClassifier.Default, LabelledReply.Load("heldout"));

    [Fact]
    public void TheSets_HoldAtLeast200RepliesOfEveryIntent_InEnglishDutchAndGerman()
    {
        var all = LabelledReply.Load("dev").Concat(LabelledReply.Load("heldout")).ToList();

        Assert.True(all.Count >= 200, $"{all.Count} replies");
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.All(Enum.GetValues<ReplyIntent>(), intent => Assert.True(all.Count(r => r.Intent == intent) >= 20, $"{intent}"));
        Assert.Equal(["de", "en", "nl"], all.Select(r => r.Language).Distinct().Order());
    }

    [Theory]
    [InlineData(ReplyIntent.Positive)]
    [InlineData(ReplyIntent.OutOfOffice)]
    public void Precision_OnPositiveAndOutOfOffice_IsAtLeast90Percent_OnBothSets(ReplyIntent intent)
    {
        Assert.True(Dev.Precision(intent) >= 0.9, $"dev precision {Dev.Precision(intent):0.00}\n{string.Join('\n', Dev.Mistakes())}");
        Assert.True(HeldOut.Precision(intent) >= 0.9, $"held-out precision {HeldOut.Precision(intent):0.00}\n{string.Join('\n', HeldOut.Mistakes())}");
    }

    [Fact]
    public void TheReadme_ShowsTheseFigures()
    {
        var table = Scorecard.MarkdownTable(Dev, HeldOut);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");

        Assert.True(readme.Contains(table, StringComparison.Ordinal), $"Put this table in the README's \"Reply intent\" section:\n{table}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.Conversations.sln"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException("No Orleans.Conversations.sln above the test's folder.");
    }
}
