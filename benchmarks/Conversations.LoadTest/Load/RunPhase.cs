namespace Conversations.LoadTest.Load;

internal enum RunPhase
{
    Warmup,
    Measured,
    Done,
}
