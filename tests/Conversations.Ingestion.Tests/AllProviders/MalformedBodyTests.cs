using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.AllProviders;

public sealed class MalformedBodyTests
{
    public static TheoryData<string> Providers => new(ProvidersUnderTest.Names);

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in ProvidersUnderTest.Names)
            {
                foreach (var body in MalformedBodies.Of(ProvidersUnderTest.Get(name))) data.Add(name, body);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_WhenBodyIsNotAJsonObject_RejectsAsMalformedWithoutEcho(string name, string body)
    {
        var provider = ProvidersUnderTest.Get(name);

        var error = provider.Normalizer.Normalize(MalformedBodies.Body(provider, body)).AssertRejected(NormalizationErrorKind.MalformedJson);

        Assert.DoesNotContain("hunter2", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Normalize_WhenBodyStartsWithByteOrderMark_Accepts(string name)
    {
        var provider = ProvidersUnderTest.Get(name);

        provider.Normalizer.Normalize([.. "\uFEFF"u8, .. Fixture.Read(provider.AcceptedFixture)]).SingleEvent();
    }
}
