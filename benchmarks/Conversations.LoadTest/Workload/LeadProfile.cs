namespace Conversations.LoadTest.Workload;

/// <summary>Who a lead is: a stable, plausible identity derived from the lead's number alone.</summary>
internal sealed record LeadProfile(int Index, string ContactId, string FirstName, string LastName, string Email, string Company, TimeSpan UtcOffset)
{
    private static readonly string[] FirstNames =
        ["Hanna", "Jonas", "Maria", "Lukas", "Sofia", "Elias", "Emma", "Noah", "Lea", "Felix", "Mia", "Paul", "Clara", "Ben", "Lina", "Oskar", "Ida", "Theo", "Nora", "Anton"];

    private static readonly string[] LastNames =
        ["Berg", "Schmidt", "Novak", "Jensen", "Moreau", "Rossi", "Kowalski", "Lindqvist", "Meyer", "Garcia", "Dubois", "Fischer", "Horvat", "Larsen", "Silva", "Weber"];

    private static readonly string[] Companies =
        ["Fabrikam", "Contoso", "Northwind", "Tailspin", "Adatum", "Litware", "Proseware", "Woodgrove", "Wingtip", "Lucerne", "Trey", "Humongous", "Coho", "Margie", "Alpine", "Fourth Coffee"];

    private static readonly TimeSpan[] Offsets =
        [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(-5), new TimeSpan(5, 30, 0)];

    public static LeadProfile For(int index)
    {
        var first = FirstNames[index % FirstNames.Length];
        var last = LastNames[index / FirstNames.Length % LastNames.Length];
        var company = Companies[index / 7 % Companies.Length];
        var domain = company.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{index}@{domain}.example";
        return new LeadProfile(index, $"lead_{index:x6}", first, last, email, company, Offsets[index % Offsets.Length]);
    }
}
