namespace Conversations.Host.Webhooks;

/// <summary>
/// Reads a request body once, bounded in size and in time. Memory grows with the bytes received, not with the
/// Content-Length the caller declares, so idle or slow uploads cost little. A body not yet verified also holds its
/// bytes in its <see cref="UnverifiedBodyReservation"/>: the declared length up front, else what has arrived.
/// </summary>
internal static class RequestBodyReader
{
    public static async Task<BodyReadOutcome> ReadAsync(
        HttpRequest request, int maxBytes, TimeSpan timeout, TimeProvider clock, UnverifiedBodyReservation? unverified, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return BodyReadOutcome.Failed(BodyReadFailure.TooLarge);
        if (Hold(unverified, request.ContentLength ?? 0) is { } refusedUpFront) return refusedUpFront;

        using var deadline = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        // One byte of room beyond the limit tells a body of exactly maxBytes from a larger one without a declared length.
        using var buffer = new PooledBodyBuffer(maxBytes + 1);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.FreeSpace(), linked.Token)) > 0)
            {
                buffer.Advance(read);
                if (buffer.Count > maxBytes) return BodyReadOutcome.Failed(BodyReadFailure.TooLarge);
                if (Hold(unverified, buffer.Count) is { } refused) return refused;
            }
            return BodyReadOutcome.Read(buffer.ToArray());
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return BodyReadOutcome.Failed(BodyReadFailure.TooSlow);
        }
        catch (BadHttpRequestException rejected)
        {
            // Kestrel's own limits: the maximum body size, the minimum data rate, a malformed or truncated body.
            return BodyReadOutcome.Failed(rejected.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => BodyReadFailure.TooLarge,
                StatusCodes.Status408RequestTimeout => BodyReadFailure.TooSlow,
                _ => BodyReadFailure.Incomplete,
            });
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            return BodyReadOutcome.Failed(BodyReadFailure.Incomplete);
        }
    }

    private static BodyReadOutcome? Hold(UnverifiedBodyReservation? unverified, long bytes) => unverified?.TryHold(bytes) switch
    {
        UnverifiedBodyRefusal.AddressOverItsShare => BodyReadOutcome.Failed(BodyReadFailure.AddressOverUnverifiedShare),
        UnverifiedBodyRefusal.AllOverTheLimit => BodyReadOutcome.Failed(BodyReadFailure.OverUnverifiedLimit),
        _ => null,
    };
}
