using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>Options as given, without the validation a container would run, so that tests can verify with bad settings.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
