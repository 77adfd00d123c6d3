using System.Reflection;
using System.Security.Cryptography;
using Conversations.Host.Access;
using Conversations.Host.Tests.Deployment;
using Conversations.Ingestion.SalesIq;

namespace Conversations.Host.Tests;

/// <summary>
/// docs/configuration.md against the code: every setting the host binds has a row, every row names a setting that
/// exists, each row's environment variable is its key's, and the PEM forms the document recommends are accepted.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    private const string ReferencePath = "docs/configuration.md";

    // Read by the services that reference Conversations.Client, not by the host, so no host options class has them.
    private const string ClientSection = "Conversations:Client";

    // How a PEM can be written into a setting; docs/configuration.md, "Passing a PEM", names each.
    private const string LineBreaks = "line breaks";
    private const string CarriageReturnLineBreaks = "CRLF line breaks";
    private const string OneLineWithSpaces = "one line with spaces";
    private const string BareBase64 = "bare base64";
    private const string EscapedLineBreaks = "\\n escapes";

    [Fact]
    public void EverySettingTheHostBinds_HasARowInTheReference()
    {
        var documented = DocumentedRows().Select(row => row.Key).ToHashSet(StringComparer.Ordinal);
        var missing = SettingKeys().Where(key => !documented.Contains(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{ReferencePath} has no row for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryConversationsRowOfTheReference_NamesASettingTheHostBinds()
    {
        var settings = SettingKeys();
        var stale = DocumentedRows()
            .Select(row => row.Key)
            .Where(key => key.StartsWith("Conversations:", StringComparison.Ordinal) && !key.StartsWith(ClientSection + ":", StringComparison.Ordinal))
            .Where(key => !settings.Contains(key))
            .ToList();
        Assert.True(stale.Count == 0, $"{ReferencePath} has rows for settings the code does not have: {string.Join(", ", stale)}");
    }

    [Fact]
    public void EveryRowOfTheReference_GivesItsKeysEnvironmentVariable()
    {
        var wrong = DocumentedRows()
            .Where(row => row.EnvironmentVariable != row.Key.Replace(":", "__", StringComparison.Ordinal))
            .Select(row => $"{row.Key} ({row.EnvironmentVariable})")
            .ToList();
        Assert.True(wrong.Count == 0, $"{ReferencePath} gives the wrong environment variable for: {string.Join(", ", wrong)}");
    }

    [Theory]
    [InlineData(LineBreaks)]
    [InlineData(CarriageReturnLineBreaks)]
    [InlineData(OneLineWithSpaces)]
    [InlineData(BareBase64)]
    public void SalesIqPublicKeyPem_InAFormTheReferenceRecommends_IsAccepted(string form)
    {
        var result = new SalesIqOptionsValidator().Validate(null, new SalesIqOptions { Enabled = true, PublicKeyPem = Written(form) });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void SalesIqPublicKeyPem_WithEscapedLineBreaks_IsRefused_AsTheReferenceWarns()
    {
        var result = new SalesIqOptionsValidator().Validate(null, new SalesIqOptions { Enabled = true, PublicKeyPem = Written(EscapedLineBreaks) });
        Assert.True(result.Failed);
    }

    [Theory]
    [InlineData(LineBreaks, true)]
    [InlineData(OneLineWithSpaces, true)]
    [InlineData(EscapedLineBreaks, false)]
    public void JwtSigningKeyPem_IsAccepted_InTheFormsTheReferenceSays(string form, bool accepted) =>
        Assert.Equal(accepted, JwtSigningKey.TryCreate(Written(form), out _));

    private static string Written(string form)
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();
        return form switch
        {
            LineBreaks => pem,
            CarriageReturnLineBreaks => pem.ReplaceLineEndings("\r\n"),
            OneLineWithSpaces => pem.ReplaceLineEndings(" "),
            BareBase64 => string.Concat(pem.ReplaceLineEndings("\n").Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal))),
            EscapedLineBreaks => pem.ReplaceLineEndings("\\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
    }

    /// <summary>
    /// The full key of every setting the host binds, as the reference writes it (list items at index 0), from the sections
    /// the deploy checks know (<see cref="HostSettings.Sections"/>, which a test of theirs keeps complete).
    /// </summary>
    private static HashSet<string> SettingKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { HostSettings.ConnectionString };
        foreach (var section in HostSettings.Sections) AddKeys(keys, section.Path, section.Options);
        return keys;
    }

    private static void AddKeys(HashSet<string> keys, string prefix, Type options)
    {
        // Only what the configuration binder can set: public instance properties with a public setter. Get-only
        // properties (Enabled, UsesPostgreSql, RetryAfter, ...) are derived from the settings, and the providers'
        // static Section says where they are bound, so neither is a setting.
        var settable = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);
        foreach (var property in settable)
        {
            var key = $"{prefix}:{property.Name}";
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(type)) keys.Add(key);
            else if (ItemOf(type) is { } item)
            {
                if (IsValue(item)) keys.Add($"{key}:0");
                else AddKeys(keys, $"{key}:0", item);
            }
            else AddKeys(keys, key, type);
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri);

    private static Type? ItemOf(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        // A dictionary's keys are names the operator chooses, which a table of fixed keys cannot list: say so here
        // rather than pass silently, should an options class ever get one.
        if (type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            throw new NotSupportedException($"{type} is a dictionary setting: decide how {ReferencePath} documents it, then teach this test.");
        var enumerable = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The rows of the reference's tables whose first cell is a key in backquotes, with their second cell.</summary>
    private static List<(string Key, string EnvironmentVariable)> DocumentedRows()
    {
        var rows = new List<(string, string)>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), ReferencePath)))
        {
            if (!line.StartsWith('|')) continue;
            var cells = line.Split('|');
            if (cells.Length < 4) continue;
            var key = cells[1].Trim();
            if (key.Length < 3 || key[0] != '`' || key[^1] != '`') continue;
            rows.Add((key[1..^1], cells[2].Trim().Trim('`')));
        }
        return rows;
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
