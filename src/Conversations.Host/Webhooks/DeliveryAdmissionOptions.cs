using Conversations.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>
/// How many authentic deliveries are stored at once and how many may wait for their turn. Bound from
/// <c>Conversations:Ingestion:Admission</c>. Beyond the queue, or past the wait, a delivery gets 503 and <c>Retry-After</c>.
/// </summary>
public sealed class DeliveryAdmissionOptions
{
    public const string SectionName = "Conversations:Ingestion:Admission";

    /// <summary>
    /// Deliveries being stored at once. Default 1024: the store's group commit writes up to
    /// <c>Conversations:Storage:MaxBatchSize</c> (1024) appends a transaction, so one full batch can fill while another commits.
    /// </summary>
    public int MaxConcurrentDeliveries { get; set; } = 1024;

    /// <summary>
    /// Deliveries waiting, first come first served, for a storing slot. Default 4096: at the 4-7k deliveries/s the
    /// service stores on two cores, a full queue drains in about a second, well within <see cref="MaxQueueWaitSeconds"/>.
    /// </summary>
    public int QueueLimit { get; set; } = 4096;

    /// <summary>
    /// Seconds a delivery waits for a slot before it gets 503. Default 3: the sender is waiting for the answer,
    /// and the shortest sender timeout known is SalesIQ's 5 s.
    /// </summary>
    public int MaxQueueWaitSeconds { get; set; } = 3;
}

public sealed class DeliveryAdmissionOptionsValidator : IValidateOptions<DeliveryAdmissionOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryAdmissionOptions options)
    {
        var failures = new List<string>();
        SettingRange.Check(failures, DeliveryAdmissionOptions.SectionName, nameof(options.MaxConcurrentDeliveries), options.MaxConcurrentDeliveries, 1, 1_000_000);
        SettingRange.Check(failures, DeliveryAdmissionOptions.SectionName, nameof(options.QueueLimit), options.QueueLimit, 0, 1_000_000);
        SettingRange.Check(failures, DeliveryAdmissionOptions.SectionName, nameof(options.MaxQueueWaitSeconds), options.MaxQueueWaitSeconds, 1, 300);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
