namespace Conversations.LoadTest.Load;

/// <summary>Short names for failed requests (no HTTP answer at all), to count them by cause.</summary>
internal static class ErrorNames
{
    public static string Of(Exception exception, CancellationToken hardStop) => exception switch
    {
        OperationCanceledException when hardStop.IsCancellationRequested => "abandoned at the hard time limit",
        OperationCanceledException { InnerException: TimeoutException } => "timeout",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"http {http.HttpRequestError}",
        _ => exception.GetType().Name,
    };
}
