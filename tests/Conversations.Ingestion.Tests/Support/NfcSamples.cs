namespace Conversations.Ingestion.Tests.Support;

/// <summary>Pieces random NFC test strings are built of.</summary>
internal static class NfcSamples
{
    /// <summary>
    /// Starters (some precomposed, some that compose with a following starter) and marks of many combining
    /// classes, with marks that decompose (U+0344, U+0F73) and marks excluded from composition (U+0340, U+0F75).
    /// </summary>
    public static IReadOnlyList<string> LettersAndMarks { get; } =
    [
        "a", "e", "o", "u", "A", "O", "ü", "ơ", "ư", "ệ", "ǖ", "α", "ω", "ᾳ", "ι", "и", "е", "ש", "क", "ক", "ে", "া",
        "ௌ", "ୈ", "\u0B47", "\u0B3E", "\u0B56", "\u0BC6", "\u0BBE", "\u0BD7", "\u0CC6", "\u0CC2", "\u0CD5",
        "\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u0323", "\u0327", "\u0328", "\u031B", "\u0345",
        "\u0334", "\u0315", "\u035C", "\u0360", "\u0340", "\u0341", "\u0343", "\u0344", "\u0313", "\u0314",
        "\u05B0", "\u05BC", "\u05C1", "\u05C2", "\u093C", "\u09BC", "\u0F71", "\u0F72", "\u0F73", "\u0F74",
        "\u0F75", "\u0F80", "\u302A", "\u1DCE", "\u20D2", "\u0653", "\u0654", "\u0655", "\u0627", "\u0648",
        "\U0001D165", "\U0001D16E", "\U0001D16D", "\U0001D167", "\U0001D157", "\U00011099", "\U000110BA",
        "\U00011131", "\U00011127",
    ];

    /// <summary>
    /// Leading consonants, vowels and trailing consonants, syllables with and without a trailing consonant, and
    /// jamo just outside the ranges that compose (U+1113, U+1176, U+11A7, U+11C3).
    /// </summary>
    public static IReadOnlyList<string> Hangul { get; } =
    [
        "\u1100", "\u1109", "\u1112", "\u1113", "\u1161", "\u116E", "\u1175", "\u1176",
        "\u11A7", "\u11A8", "\u11AF", "\u11C2", "\u11C3", "가", "한", "힣", "각", "\uD7A3", "\uD7A4", "a", "\u0301",
    ];
}
