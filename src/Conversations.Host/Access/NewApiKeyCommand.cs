namespace Conversations.Host.Access;

/// <summary><c>new-api-key [name] [scopes]</c>: prints a fresh operator key and the settings that grant it, then exits.</summary>
public static class NewApiKeyCommand
{
    public const string Name = "new-api-key";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, TextWriter output)
    {
        var holder = args.Length > 1 ? args[1] : "operator";
        var scopes = (args.Length > 2 ? args[2] : OperatorScopes.Read).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (scopes.FirstOrDefault(s => !OperatorScopes.All.Contains(s)) is { } unknown)
        {
            output.WriteLine($"Unknown scope '{unknown}'; use {string.Join(" and/or ", OperatorScopes.All)}, e.g. '{Name} ops read,admin'.");
            return 2;
        }
        var (key, sha256) = ApiKeyHash.NewKey();
        output.WriteLine($"API key for '{holder}' (give it to the caller, store it nowhere else; it is not shown again):");
        output.WriteLine($"  {key}");
        output.WriteLine("Configuration (the service keeps only the hash), e.g. as environment variables, with N the next free index:");
        output.WriteLine($"  Conversations__Access__ApiKeys__N__Name={holder}");
        output.WriteLine($"  Conversations__Access__ApiKeys__N__Sha256={sha256}");
        for (var i = 0; i < scopes.Length; i++) output.WriteLine($"  Conversations__Access__ApiKeys__N__Scopes__{i}={scopes[i]}");
        return 0;
    }
}
