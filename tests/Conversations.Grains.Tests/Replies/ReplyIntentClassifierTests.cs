using Conversations.Grains.Signals;

namespace Conversations.Grains.Tests.Replies;

public sealed class ReplyIntentClassifierTests
{
    private const string QuotedPitch = """

        On Tue, 14 Sep 2026 at 09:00, Tom Seller <tom@outreach.example> wrote:
        > Hi Ada, would a short call next week make sense? Interested in a demo?
        > Not interested? Reply "unsubscribe" and I will stop.
        """;

    [Theory]
    [InlineData("Thanks, not interested.", ReplyIntent.Negative)]
    [InlineData("Sounds interesting, can you send me the deck?", ReplyIntent.Positive)]
    [InlineData("Please remove me from your list.", ReplyIntent.Unsubscribe)]
    [InlineData("STOP", ReplyIntent.Unsubscribe)]
    [InlineData("Who else in logistics uses this today?", ReplyIntent.Neutral)]
    [InlineData("Kein Interesse, danke.", ReplyIntent.Negative)]
    [InlineData("Klingt gut, rufen Sie mich Dienstag an.", ReplyIntent.Positive)]
    [InlineData("Graag uitschrijven.", ReplyIntent.Unsubscribe)]
    [InlineData("Ik ben op vakantie tot 3 oktober.", ReplyIntent.OutOfOffice)]
    public void Classify_ReadsTheReplysOwnWords(string text, ReplyIntent expected) =>
        Assert.Equal(expected, ReplyIntentClassifier.Default.Classify("Re: Idea for Fabrikam", text + QuotedPitch).Intent);

    [Fact]
    public void AReplyIsReadOnlyUpToMaxReadLength_SoAHugeBodyCannotStallItsLead()
    {
        // One line a megabyte long that starts like a German attribution line: reading it whole with a backtracking
        // pattern took seconds per 100,000 characters, quadratic in its length.
        var huge = "Am Montag" + string.Concat(Enumerable.Repeat(" schrieb", 130_000)) + " Bitte entfernen Sie mich aus dem Verteiler.";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (intent, _) = ReplyIntentClassifier.Default.Classify(huge, huge);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed}");
        Assert.Equal(ReplyIntent.Neutral, intent); // the removal request is past what is read
        Assert.Equal(ReplyIntent.Unsubscribe, ReplyIntentClassifier.Default.Classify(null, "Bitte entfernen Sie mich aus dem Verteiler.").Intent);
    }

    [Fact]
    public void Classify_IgnoresTheQuotedSalesEmail()
    {
        var (intent, phrase) = ReplyIntentClassifier.Default.Classify("Re: Idea for Fabrikam", "Thanks Tom, received." + QuotedPitch);

        Assert.Equal(ReplyIntent.Neutral, intent);
        Assert.Null(phrase);
    }

    [Fact]
    public void Classify_AnAutomaticReply_IsOutOfOffice_WhateverItMentions()
    {
        var (intent, phrase) = ReplyIntentClassifier.Default.Classify("Automatic reply: Idea for Fabrikam",
            "I am out of the office until Monday and will reply about the demo when I am back.");

        Assert.Equal(ReplyIntent.OutOfOffice, intent);
        Assert.Equal("automatic reply", phrase);
    }

    [Fact]
    public void Classify_APersonWhoIsAwayButInterested_IsPositive()
    {
        Assert.Equal(ReplyIntent.Positive, ReplyIntentClassifier.Default.Classify(null, "I'm on holiday this week, but let's talk on the 12th.").Intent);
    }

    [Fact]
    public void Phrases_MatchWholeWordsOnly_AndConfiguredListsReplaceTheDefaults()
    {
        var classifier = new ReplyIntentClassifier(new ReplyIntentPhrases { Positive = ["keen"] });

        Assert.Equal(ReplyIntent.Positive, classifier.Classify(null, "Keen to learn more!").Intent);
        Assert.Equal(ReplyIntent.Neutral, classifier.Classify(null, "We are interested.").Intent);
        Assert.Equal(ReplyIntent.Neutral, ReplyIntentClassifier.Default.Classify(null, "Stopwatch readings attached.").Intent);
    }

    [Theory]
    [InlineData("Yes.\n\n-----Original Message-----\nFrom: Tom\nunsubscribe", "Yes.\n")]
    [InlineData("Ja.\n\nAm 14.09.2026 um 09:00 schrieb Tom Seller <tom@outreach.example>:\n> Termin?", "Ja.\n")]
    [InlineData("Ja.\nOp di 14 sep. 2026 om 09:00 schreef Tom Seller <\ntom@outreach.example>:\n> Demo?", "Ja.")]
    [InlineData("Sure.\n\nFrom: Tom Seller <tom@outreach.example>\nSent: Tuesday\nTo: Ada\nSubject: Idea", "Sure.\n")]
    [InlineData("Nothing quoted here.", "Nothing quoted here.")]
    public void QuotedHistory_IsCutAtItsFirstLine(string text, string own) => Assert.Equal(own, QuotedHistory.Strip(text));
}
