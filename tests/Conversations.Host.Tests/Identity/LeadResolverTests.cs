using System.Diagnostics.Metrics;
using Conversations.Abstractions.Leads;
using Conversations.Host.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Tests.Identity;

/// <summary>The resolver's decisions, against a directory held in memory.</summary>
public sealed class LeadResolverTests
{
    private readonly MemoryDirectory _directory = new();
    private readonly RecordedMerges _merges = new();

    [Fact]
    public async Task NoAliasKnown_ANewLeadClaimsThemAll()
    {
        var route = await Resolver().ResolveAsync(["email:ada@example.test", "salesforge:contact:c1"]);

        Assert.True(LeadId.IsWellFormed(route.LeadId));
        Assert.Equal("email:ada@example.test", route.ArrivedAs);
        Assert.Equal(["email:ada@example.test", "salesforge:contact:c1"], route.Claims);
    }

    [Fact]
    public async Task OneLeadKnown_TheNewAliasesJoinIt()
    {
        _directory.Link("salesforge:contact:c1", "ld_00000000000000000000000000000001");

        var route = await Resolver().ResolveAsync(["email:ada@example.test", "salesforge:contact:c1"]);

        Assert.Equal("ld_00000000000000000000000000000001", route.LeadId);
        Assert.Equal(["email:ada@example.test"], route.Claims);
    }

    [Fact]
    public async Task EveryAliasKnownAndConfirmed_NeedsNoDirectoryReadTheSecondTime()
    {
        var resolver = Resolver();
        var first = await resolver.ResolveAsync(["email:ada@example.test"]);
        resolver.Confirm(first);
        var reads = _directory.Reads;

        var second = await resolver.ResolveAsync(["email:ada@example.test"]);

        Assert.Equal(first.LeadId, second.LeadId);
        Assert.Empty(second.Claims);
        Assert.Equal(reads, _directory.Reads);
    }

    [Fact]
    public async Task TwoDeliveriesForOneNewPerson_InOneSilo_RouteToOneLead_BothClaiming()
    {
        var resolver = Resolver();

        var first = await resolver.ResolveAsync(["email:ada@example.test", "phone:+31612345678"]);
        var second = await resolver.ResolveAsync(["phone:+31612345678", "salesforge:contact:c9"]);

        Assert.Equal(first.LeadId, second.LeadId);
        Assert.Equal(["phone:+31612345678", "salesforge:contact:c9"], second.Claims);
    }

    [Fact]
    public async Task ALostClaim_IsForgotten_AndTheNextResolutionFindsTheWinner()
    {
        var resolver = Resolver();
        var lost = await resolver.ResolveAsync(["email:ada@example.test"]);
        _directory.Link("email:ada@example.test", "ld_0000000000000000000000000000000a");

        resolver.Forget(lost);
        var again = await resolver.ResolveAsync(["email:ada@example.test"]);

        Assert.Equal("ld_0000000000000000000000000000000a", again.LeadId);
        Assert.Empty(again.Claims);
    }

    [Fact]
    public async Task AliasesOfTwoLeads_AreMerged_AndTheEventsGoToTheSurvivor_ClaimingOnlyWhatNoLeadHolds()
    {
        _directory.Link("email:ada@example.test", "ld_00000000000000000000000000000001");
        _directory.Link("linkedin:ada-l", "ld_00000000000000000000000000000002");
        _merges.Answer = new LeadMerge("ld_00000000000000000000000000000002", ["ld_00000000000000000000000000000001"], ["email:ada@example.test"]);
        var resolver = Resolver();

        var route = await resolver.ResolveAsync(["email:ada@example.test", "linkedin:ada-l", "phone:+31612345678"], "test:event:1");
        var next = await resolver.ResolveAsync(["email:ada@example.test"]);

        var request = Assert.Single(_merges.Requests);
        Assert.Equal(["ld_00000000000000000000000000000001", "ld_00000000000000000000000000000002"], request.LeadIds);
        Assert.Equal("test:event:1", request.ByEventId);
        Assert.Equal(20, request.MaxAliases);
        Assert.Equal("ld_00000000000000000000000000000002", route.LeadId);
        Assert.Equal(["phone:+31612345678"], route.Claims);
        Assert.Equal("ld_00000000000000000000000000000002", next.LeadId);
    }

    [Fact]
    public async Task ARefusedMerge_SendsTheEventsToTheLeadOfTheFirstAlias_AndLinksNothingAcross()
    {
        _directory.Link("email:ada@example.test", "ld_00000000000000000000000000000001");
        _directory.Link("linkedin:ada-l", "ld_00000000000000000000000000000002");
        _merges.Answer = new LeadMerge("ld_00000000000000000000000000000002", [], [], MergeRefusal.TooManyAliases);

        var route = await Resolver().ResolveAsync(["email:ada@example.test", "linkedin:ada-l", "phone:+31612345678"]);

        Assert.Equal("ld_00000000000000000000000000000001", route.LeadId);
        Assert.Equal(["phone:+31612345678"], route.Claims);
    }

    [Fact]
    public async Task AnAliasProposedForAnotherNewLead_IsClaimedToo_SoTheDirectoryDecides()
    {
        var resolver = Resolver();
        var byEmail = await resolver.ResolveAsync(["email:ada@example.test"]);
        var byLinkedIn = await resolver.ResolveAsync(["linkedin:ada-l"]);

        var both = await resolver.ResolveAsync(["email:ada@example.test", "linkedin:ada-l"]);

        Assert.NotEqual(byEmail.LeadId, byLinkedIn.LeadId);
        Assert.Equal(byEmail.LeadId, both.LeadId);
        Assert.Equal(["email:ada@example.test", "linkedin:ada-l"], both.Claims);
        Assert.Empty(_merges.Requests);
    }

    [Fact]
    public async Task AnOutOfDateRoute_ForgetsEveryAliasItWasResolvedFrom()
    {
        _directory.Link("email:ada@example.test", "ld_00000000000000000000000000000001");
        var resolver = Resolver();
        var stale = await resolver.ResolveAsync(["email:ada@example.test"]);
        // Merged into another lead elsewhere: the directory moved the alias.
        _directory.Link("email:ada@example.test", "ld_00000000000000000000000000000002");

        resolver.Forget(stale);
        var again = await resolver.ResolveAsync(["email:ada@example.test"]);

        Assert.Equal("ld_00000000000000000000000000000001", stale.LeadId);
        Assert.Equal("ld_00000000000000000000000000000002", again.LeadId);
    }

    [Fact]
    public async Task GuardRails_RoleAddressesAndSharedAliasesDoNotLink_PlaceholdersAreNoIdentity()
    {
        var resolver = Resolver(new IdentityOptions { SharedAliases = ["Phone:+31 20 123 4567"], Placeholders = ["unknown-id"] });

        var withRole = await resolver.ResolveAsync(["email:Sales+EU@acme.example", "phone:+31201234567", "salesforge:contact:c1"]);
        var roleAlone = await resolver.ResolveAsync(["email:info@acme.example"]);
        var placeholderOnly = await resolver.ResolveAsync(["salesforge:contact:unknown-id"]);

        Assert.Equal(["salesforge:contact:c1"], withRole.Claims);
        Assert.Equal("salesforge:contact:c1", withRole.ArrivedAs);
        Assert.Equal(["email:info@acme.example"], roleAlone.Claims);
        Assert.Empty(placeholderOnly.Claims);
        Assert.Equal("salesforge:contact:unknown-id", placeholderOnly.ArrivedAs);
    }

    [Fact]
    public void Cache_HoldsAtMostItsCapacity_AndKeepsWhatIsUsed()
    {
        var cache = new LeadAliasCache(capacity: 100);
        cache.Confirm("email:kept@example.test", "ld_00000000000000000000000000000001");

        for (var i = 0; i < 1_000; i++)
        {
            cache.Confirm($"email:{i}@example.test", LeadId.New());
            Assert.True(cache.TryGet("email:kept@example.test", out _));
        }

        Assert.InRange(cache.Count, 1, 100);
        Assert.False(cache.TryGet("email:0@example.test", out _));
    }

    private LeadResolver Resolver(IdentityOptions? options = null)
    {
        var settings = Options.Create(options ?? new IdentityOptions());
        using var meters = new NoMeters();
        return new LeadResolver(_directory, _merges, new AliasGuardRails(settings), new LeadAliasCache(1_000), new IdentityMetrics(meters), settings,
            NullLogger<LeadResolver>.Instance);
    }

    private sealed class NoMeters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose() { }
    }

    private sealed class MemoryDirectory : ILeadDirectory
    {
        private readonly Dictionary<string, string> _leads = new(StringComparer.Ordinal);

        public int Reads { get; private set; }

        public void Link(string alias, string leadId) => _leads[alias] = leadId;

        public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> aliases, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult<IReadOnlyDictionary<string, string>>(aliases.Where(_leads.ContainsKey).ToDictionary(a => a, a => _leads[a]));
        }

        public Task<IReadOnlyList<string>> AliasesOfAsync(string leadId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>(_leads.Where(p => p.Value == leadId).Select(p => p.Key).ToList());
    }

    private sealed class RecordedMerges : ILeadMerges
    {
        public List<MergeRequest> Requests { get; } = [];

        public LeadMerge? Answer { get; set; }

        public Task<LeadMerge> MergeAsync(MergeRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(Answer ?? throw new InvalidOperationException("No merge expected."));
        }

        public Task<LeadUnmerge?> UnmergeAsync(string leadId, Func<IReadOnlyList<Abstractions.Events.ConversationEvent>, IReadOnlyList<Abstractions.Timeline.FunnelMark>> funnelMarksOf,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> SurvivorOfAsync(string leadId, CancellationToken cancellationToken = default) => Task.FromResult(leadId);
    }
}
