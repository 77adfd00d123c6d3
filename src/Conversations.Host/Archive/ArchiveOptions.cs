using Microsoft.Extensions.Options;

namespace Conversations.Host.Archive;

/// <summary>How long raw deliveries are kept. Bound from <c>Conversations:Archive</c>.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Conversations:Archive";

    /// <summary>Days a delivery is kept after it was received; 0 keeps them forever. Default 30.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often expired deliveries are deleted. Default one hour.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

public sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var failures = new List<string>();
        if (options.RetentionDays < 0) failures.Add($"{ArchiveOptions.SectionName}:RetentionDays must be 0 (keep forever) or more (was {options.RetentionDays}).");
        if (options.CleanupInterval < TimeSpan.FromMinutes(1)) failures.Add($"{ArchiveOptions.SectionName}:CleanupInterval must be at least one minute (was {options.CleanupInterval}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
