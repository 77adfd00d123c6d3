namespace Conversations.LoadTest.Measurement;

/// <summary>Totals shared by all request loops, read once a second for the progress line.</summary>
internal sealed class LiveCounters
{
    private long _requests;
    private long _nonSuccess;
    private long _errors;

    public long Requests => Interlocked.Read(ref _requests);
    public long NonSuccess => Interlocked.Read(ref _nonSuccess);
    public long Errors => Interlocked.Read(ref _errors);

    public void Response(int status)
    {
        Interlocked.Increment(ref _requests);
        if (status is < 200 or > 299) Interlocked.Increment(ref _nonSuccess);
    }

    public void Error()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _errors);
    }
}
