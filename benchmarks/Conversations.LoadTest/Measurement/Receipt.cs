using System.Text.Json;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// The counts in a 200 answer of the service (<c>{"outcome":"accepted","events":1,"applied":1,"duplicates":0,...}</c>);
/// each is null when the body does not have it (the no-op endpoint's, or a body that is not JSON).
/// </summary>
internal readonly record struct Receipt(long? Applied, long? Duplicates)
{
    public static Receipt? Read(ReadOnlySpan<byte> body)
    {
        long? applied = null, duplicates = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isApplied = reader.ValueTextEquals("applied"u8);
                var isDuplicates = !isApplied && reader.ValueTextEquals("duplicates"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && (isApplied || isDuplicates))
                {
                    if (isApplied) applied = reader.GetInt64();
                    else duplicates = reader.GetInt64();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return new Receipt(applied, duplicates);
    }
}
