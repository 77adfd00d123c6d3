namespace Conversations.LoadTest.Workload;

/// <summary>The links a benchmark email carries; a click names one of them.</summary>
internal static class Links
{
    private static readonly string[] All =
    [
        "https://outreach.example/case-study",
        "https://outreach.example/pricing",
        "https://outreach.example/book-a-demo",
        "https://outreach.example/customers/fabrikam",
    ];

    public static string Pick(Dice dice) => All[dice.Below(All.Length)];
}
