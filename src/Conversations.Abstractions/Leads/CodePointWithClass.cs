namespace Conversations.Abstractions.Leads;

/// <summary>A code point and its canonical combining class, looked up once while decomposing.</summary>
internal readonly record struct CodePointWithClass(int Value, byte CombiningClass)
{
    public bool IsStarter => CombiningClass == 0;

    public static CodePointWithClass Of(int value) => new(value, UnicodeCanonicalTables.CombiningClass(value));
}
