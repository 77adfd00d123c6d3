namespace Conversations.LoadTest.Cli;

/// <summary>A command line that cannot be run: the message says why, and the usage is printed after it.</summary>
internal sealed class UsageException(string message) : Exception(message);
