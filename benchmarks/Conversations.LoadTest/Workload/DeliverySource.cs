namespace Conversations.LoadTest.Workload;

/// <summary>
/// Where request loops get their next body: with the redelivery rate's chance a recent body again,
/// otherwise the next event of the step the loop is delivering; when that is done, the next step of a
/// lead chosen at random (each lead keeps its own order of steps).
/// </summary>
internal sealed class DeliverySource
{
    private readonly LeadJourney[] _leads;
    private readonly Campaign[] _campaigns;
    private readonly SalesforgePayload _payload;
    private readonly RedeliveryPool _redeliveries = new();
    private readonly double _redeliveryRate;

    public DeliverySource(int leads, int campaigns, double redeliveryRate, string runId, ulong seed)
    {
        var now = DateTimeOffset.UtcNow;
        _leads = new LeadJourney[leads];
        for (var i = 0; i < leads; i++) _leads[i] = new LeadJourney(LeadProfile.For(i), campaigns, seed, now);
        _campaigns = Enumerable.Range(0, campaigns).Select(Campaign.For).ToArray();
        _payload = new SalesforgePayload(runId);
        _redeliveryRate = redeliveryRate;
    }

    public Delivery Next(LoopCursor cursor)
    {
        var random = cursor.Random;
        if (random.NextDouble() < _redeliveryRate && _redeliveries.TryPick(random, out var again))
            return new Delivery(DeliveryKind.Redelivery, again);

        if (cursor.Lead is null || cursor.Pending.Count == 0)
        {
            cursor.Lead = _leads[random.Next(_leads.Length)];
            foreach (var planned in cursor.Lead.NextStep()) cursor.Pending.Enqueue(planned);
        }
        var lead = cursor.Lead;
        var next = cursor.Pending.Dequeue();
        var body = _payload.Write(lead.Profile, _campaigns[next.CampaignIndex], next);
        _redeliveries.Add(body);
        return new Delivery(next.Kind, body);
    }
}
