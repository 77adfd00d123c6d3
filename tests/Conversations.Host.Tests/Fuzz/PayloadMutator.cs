using System.Text;

namespace Conversations.Host.Tests.Fuzz;

/// <summary>
/// Derives broken variants of a valid payload, reproducibly from a seed: byte flips, insertions, deletions,
/// truncations, duplicated ranges, and JSON-aware edits (a value swapped for another type, huge strings,
/// deep nesting, odd numbers and times).
/// </summary>
internal sealed class PayloadMutator(int seed)
{
    private static readonly string[] Replacements =
    [
        "null", "true", "0", "-1", "1e309", "18446744073709551616", "\"\"", "[]", "{}", "\"\\u0000\"", "\"\\ud800\"",
        "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"", "\"not a time\"", "\"" + new string('x', 70_000) + "\"",
        new string('[', 5_000) + new string(']', 5_000), "\"mailto:@\"", "\"https://evil.example/in/\"",
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] payload)
    {
        var bytes = payload.ToList();
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits; i++) Apply(bytes);
        return bytes.ToArray();
    }

    private void Apply(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            bytes.Add((byte)_random.Next(256));
            return;
        }
        var at = _random.Next(bytes.Count);
        switch (_random.Next(7))
        {
            case 0: bytes[at] = (byte)_random.Next(256); break;
            case 1: bytes.Insert(at, (byte)_random.Next(256)); break;
            case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(16))); break;
            case 3: bytes.RemoveRange(at, bytes.Count - at); break;
            case 4: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64)))); break;
            default: ReplaceValue(bytes); break;
        }
    }

    /// <summary>Swaps the value after a random ':' for one of the troublemakers, keeping the JSON mostly intact.</summary>
    private void ReplaceValue(List<byte> bytes)
    {
        var colons = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == (byte)':').ToList();
        if (colons.Count == 0) return;
        var start = colons[_random.Next(colons.Count)] + 1;
        var end = start;
        var depth = 0;
        var inString = false;
        for (; end < bytes.Count; end++)
        {
            var b = bytes[end];
            if (inString) { if (b == (byte)'"' && bytes[end - 1] != (byte)'\\') inString = false; continue; }
            if (b == (byte)'"') inString = true;
            else if (b is (byte)'{' or (byte)'[') depth++;
            else if (b is (byte)'}' or (byte)']') { if (depth-- == 0) break; }
            else if (b == (byte)',' && depth == 0) break;
        }
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(Replacements[_random.Next(Replacements.Length)]));
    }
}
