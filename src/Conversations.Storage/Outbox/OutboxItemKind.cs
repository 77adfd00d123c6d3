namespace Conversations.Storage.Outbox;

/// <summary>The <c>item_kind</c> of a <c>stream_outbox</c> row: which table its ids name.</summary>
internal enum OutboxItemKind : short
{
    Events = 1,
    Signals = 2,
}
