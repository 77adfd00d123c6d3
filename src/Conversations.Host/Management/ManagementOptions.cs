using Microsoft.Extensions.Options;

namespace Conversations.Host.Management;

/// <summary>
/// An optional second listener for operators. Bound from <c>Conversations:Management</c>. When set, the query
/// API, admin API and dashboard answer only there, so the webhook listener can face the internet while
/// operator routes stay on an internal interface.
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Conversations:Management";

    /// <summary>URLs to listen on for operators, separated by <c>;</c>, each with an explicit port (e.g. <c>http://10.0.0.5:5081</c>). Empty by default.</summary>
    public string? Urls { get; set; }

    public IReadOnlyList<string> UrlList =>
        (Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsEnabled => UrlList.Count > 0;

    /// <summary>The ports of the management listener (valid options only).</summary>
    public IReadOnlySet<int> Ports => UrlList.Select(url => BindingAddress.Parse(url).Port).ToHashSet();
}

public sealed class ManagementOptionsValidator : IValidateOptions<ManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementOptions options)
    {
        var failures = new List<string>();
        foreach (var url in options.UrlList)
        {
            BindingAddress? address = null;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
            }
            if (address is null || !address.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase) || address.Port <= 0
                || !url.Contains($":{address.Port}", StringComparison.Ordinal))
                failures.Add($"{ManagementOptions.SectionName}:Urls has '{url}', which is not an http(s) URL with an explicit port.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
