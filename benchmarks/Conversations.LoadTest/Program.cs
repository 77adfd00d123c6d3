using Conversations.LoadTest.Cli;

// Entry point: one process, several small commands (see Cli/Commands.cs and benchmarks/README.md).
return await Commands.RunAsync(args);
