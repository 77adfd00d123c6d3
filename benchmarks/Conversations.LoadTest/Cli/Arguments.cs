using System.Globalization;

namespace Conversations.LoadTest.Cli;

/// <summary>
/// <c>--name value</c> options. Each command reads the ones it knows with the typed getters, then calls
/// <see cref="EnsureAllRead"/> so that a misspelt option is an error rather than silently ignored.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Arguments(Dictionary<string, string> values) => _values = values;

    public static Arguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
                throw new UsageException($"expected an option like --name, got '{name}'");
            if (i + 1 >= args.Length)
                throw new UsageException($"option {name} needs a value");
            if (!values.TryAdd(name[2..], args[i + 1]))
                throw new UsageException($"option {name} is given twice");
        }
        return new Arguments(values);
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string RequiredString(string name) =>
        String(name) ?? throw new UsageException($"option --{name} is required");

    public int Int(string name, int defaultValue, int min, int max)
    {
        if (String(name) is not { } text) return defaultValue;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new UsageException($"--{name} must be a whole number from {min} to {max} (was '{text}')");
        return value;
    }

    public long? Long(string name, long min)
    {
        if (String(name) is not { } text) return null;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new UsageException($"--{name} must be a whole number of at least {min} (was '{text}')");
        return value;
    }

    public double Double(string name, double defaultValue, double min, double max)
    {
        if (String(name) is not { } text) return defaultValue;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new UsageException($"--{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (was '{text}')");
        return value;
    }

    public void EnsureAllRead()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).Select(k => "--" + k).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option(s): {string.Join(", ", unknown)}");
    }
}
