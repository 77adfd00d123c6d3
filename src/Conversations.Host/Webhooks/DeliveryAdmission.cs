using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>
/// The gate in front of storing: at most <see cref="DeliveryAdmissionOptions.MaxConcurrentDeliveries"/> authentic
/// deliveries are stored at once, up to <see cref="DeliveryAdmissionOptions.QueueLimit"/> more wait in arrival order,
/// each for at most <see cref="DeliveryAdmissionOptions.MaxQueueWaitSeconds"/>. An authentic delivery is made to wait
/// rather than refused: several providers retry a refusal late or never.
/// </summary>
public sealed class DeliveryAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _slots;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _clock;

    public DeliveryAdmission(IOptions<DeliveryAdmissionOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxConcurrentDeliveries,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _maxWait = TimeSpan.FromSeconds(settings.MaxQueueWaitSeconds);
        _clock = clock;
    }

    /// <summary>Deliveries waiting for a slot now.</summary>
    public long Waiting => _slots.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>A storing slot, held until the lease is disposed; null when the queue is full or the wait ran out.</summary>
    public async ValueTask<RateLimitLease?> EnterAsync(CancellationToken cancellationToken)
    {
        // Fails while others wait (oldest first), so a newcomer never overtakes the queue.
        var lease = _slots.AttemptAcquire();
        if (lease.IsAcquired) return lease;
        lease.Dispose();

        using var deadline = new CancellationTokenSource(_maxWait, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            lease = await _slots.AcquireAsync(1, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }

    public void Dispose() => _slots.Dispose();
}
