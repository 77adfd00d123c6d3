namespace Conversations.Storage.Sqlite;

/// <summary>
/// Runs a blocking SQLite call on the thread pool. SQLite has no asynchronous I/O (Microsoft.Data.Sqlite's
/// <c>*Async</c> methods complete synchronously), and the callers are grain turns: blocking there would stall
/// every grain on that Orleans scheduler thread. Task.Run queues to the default scheduler, not the grain's;
/// the caller's continuation still resumes on its own turn.
/// </summary>
internal static class OffTheCallersThread
{
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken = default) =>
        Task.Run(work, cancellationToken);

    public static Task Run(Action work, CancellationToken cancellationToken = default) =>
        Task.Run(work, cancellationToken);
}
