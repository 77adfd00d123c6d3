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
    public async Task AliasesOfTwoLeads_GoToTheLeadOfTheFirst_AndClaimOnlyWhatNoLeadHolds()
    {
        _directory.Link("email:ada@example.test", "ld_00000000000000000000000000000001");
        _directory.Link("linkedin:ada-l", "ld_00000000000000000000000000000002");

        var route = await Resolver().ResolveAsync(["email:ada@example.test", "linkedin:ada-l", "phone:+31612345678"]);

        Assert.Equal("ld_00000000000000000000000000000001", route.LeadId);
        Assert.Equal(["phone:+31612345678"], route.Claims);
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
        return new LeadResolver(_directory, new AliasGuardRails(settings), new LeadAliasCache(1_000), new IdentityMetrics(meters), NullLogger<LeadResolver>.Instance);
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
}
