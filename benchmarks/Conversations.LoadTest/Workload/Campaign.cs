namespace Conversations.LoadTest.Workload;

/// <summary>A Salesforge sequence and the mailbox that sends it.</summary>
internal sealed record Campaign(string SequenceId, string SequenceName, string MailboxId, string SenderFirstName, string SenderLastName, string SenderEmail)
{
    private static readonly (string First, string Last)[] Senders =
        [("Tom", "Seller"), ("Anna", "Closer"), ("Raj", "Outreach"), ("Eva", "Pipeline"), ("Max", "Quota")];

    public static Campaign For(int index)
    {
        var (first, last) = Senders[index % Senders.Length];
        return new Campaign(
            $"seq_bench{index:d3}",
            $"Benchmark Sequence {index + 1}",
            $"mbox_bench{index % Senders.Length}",
            first,
            last,
            $"{first.ToLowerInvariant()}@outreach.example");
    }
}
