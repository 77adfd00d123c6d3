namespace Conversations.Grains.Signals;

/// <summary>
/// Tells a reply's intent from its text, with phrase lists an operator can read and change
/// (<see cref="ReplyIntentPhrases"/>): no model, so every verdict can be explained by the phrase that decided it.
/// A provider's own classification, where it gives one, is used instead of this (see the rules).
/// </summary>
public sealed class ReplyIntentClassifier
{
    private readonly PhraseList _autoReply;
    private readonly PhraseList _unsubscribe;
    private readonly PhraseList _referral;
    private readonly PhraseList _negative;
    private readonly PhraseList _positive;
    private readonly PhraseList _away;

    public ReplyIntentClassifier(ReplyIntentPhrases phrases)
    {
        _autoReply = new PhraseList(phrases.AutoReply ?? ReplyIntentPhrases.DefaultAutoReply);
        _unsubscribe = new PhraseList(phrases.Unsubscribe ?? ReplyIntentPhrases.DefaultUnsubscribe);
        _referral = new PhraseList(phrases.Referral ?? ReplyIntentPhrases.DefaultReferral);
        _negative = new PhraseList(phrases.Negative ?? ReplyIntentPhrases.DefaultNegative);
        _positive = new PhraseList(phrases.Positive ?? ReplyIntentPhrases.DefaultPositive);
        _away = new PhraseList(phrases.Away ?? ReplyIntentPhrases.DefaultAway);
    }

    public static ReplyIntentClassifier Default { get; } = new(new ReplyIntentPhrases());

    /// <summary>
    /// How much of a reply (and of its subject) is read: what a person writes back comes first, and reading a
    /// megabyte-long body on the write path would stall its lead.
    /// </summary>
    public const int MaxReadLength = 10_000;

    private static string Head(string text) => text.Length <= MaxReadLength ? text : text[..MaxReadLength];

    /// <summary>The intent of a reply with this subject and text, and the phrase that decided it (null for neutral).</summary>
    public (ReplyIntent Intent, string? Phrase) Classify(string? subject, string? text)
    {
        var own = PhraseList.Normalize(QuotedHistory.Strip(Head(text ?? "")));
        var withSubject = subject is null ? own : PhraseList.Normalize(Head(subject)) + "\n" + own;
        if (_autoReply.FirstIn(withSubject, own) is { } autoReply) return (ReplyIntent.OutOfOffice, autoReply);
        if (_unsubscribe.FirstIn(withSubject, own) is { } unsubscribe) return (ReplyIntent.Unsubscribe, unsubscribe);
        var away = _away.FirstIn(withSubject, own);
        // "Talk to my colleague": neutral, unless it is an away notice naming a stand-in.
        if (_referral.FirstIn(withSubject, own) is { } referral) return away is null ? (ReplyIntent.Neutral, referral) : (ReplyIntent.OutOfOffice, away);
        if (_negative.FirstIn(withSubject, own) is { } negative) return (ReplyIntent.Negative, negative);
        if (_positive.FirstIn(withSubject, own) is { } positive) return (ReplyIntent.Positive, positive);
        return away is null ? (ReplyIntent.Neutral, null) : (ReplyIntent.OutOfOffice, away);
    }
}
