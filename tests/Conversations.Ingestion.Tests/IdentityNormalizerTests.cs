using Conversations.Abstractions.Leads;

namespace Conversations.Ingestion.Tests;

public sealed class IdentityNormalizerTests
{
    [Theory]
    [InlineData("https://www.linkedin.com/in/alex-doe")]
    [InlineData("https://www.linkedin.com/in/alex-doe/")]
    [InlineData("http://www.linkedin.com/in/alex-doe")]
    [InlineData("https://linkedin.com/in/alex-doe")]
    [InlineData("http://linkedin.com/in/alex-doe/")]
    [InlineData("www.linkedin.com/in/alex-doe")]
    [InlineData("linkedin.com/in/alex-doe")]
    [InlineData("https://nl.linkedin.com/in/alex-doe")]
    [InlineData("https://de.linkedin.com/in/alex-doe/")]
    [InlineData("https://nl.linkedin.com/in/alex-doe?originalSubdomain=nl")]
    [InlineData("https://www.linkedin.com/in/alex-doe/?originalSubdomain=nl")]
    [InlineData("https://www.linkedin.com/in/alex-doe#experience")]
    [InlineData("https://www.linkedin.com/in/alex-doe/?trk=public_profile#about")]
    [InlineData("https://www.linkedin.com/in/alex-doe/details/experience/")]
    [InlineData("HTTPS://WWW.LINKEDIN.COM/IN/ALEX-DOE/")]
    [InlineData("https://www.linkedin.com/in/Alex-Doe")]
    [InlineData("  https://www.linkedin.com/in/alex-doe  ")]
    [InlineData("alex-doe")]
    [InlineData(" Alex-Doe ")]
    [InlineData("/alex-doe/")]
    public void LinkedInPublicId_WhenProfileWrittenAnyWay_ReturnsTheId(string raw) =>
        Assert.Equal("alex-doe", IdentityNormalizer.LinkedInPublicId(raw));

    [Theory]
    [InlineData("https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-4a/")]
    [InlineData("https://de.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-4a")]
    [InlineData("https://de.linkedin.com/in/jürgen-müller-4a")]
    [InlineData("j%C3%BCrgen-m%C3%BCller-4a")]
    [InlineData("Jürgen-Müller-4a")]
    [InlineData("ju\u0308rgen-mu\u0308ller-4a")]
    public void LinkedInPublicId_WhenIdHasNonAsciiLetters_ReturnsItDecodedAndComposed(string raw) =>
        Assert.Equal("jürgen-müller-4a", IdentityNormalizer.LinkedInPublicId(raw));

    [Fact]
    public void LinkedInPublicId_OfAPlaceholder_IsNoId_SoStrangersAreNotOneLead()
    {
        string?[] placeholders = ["null", "NULL", " unknown ", "None", "undefined", "n-a", "-", "https://www.linkedin.com/in/null/", "linkedin.com/in/unknown"];

        Assert.All(placeholders, raw => Assert.Null(IdentityNormalizer.LinkedInPublicId(raw)));
        Assert.Equal("nullius-in-verba", IdentityNormalizer.LinkedInPublicId("nullius-in-verba"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("null", true)]
    [InlineData("NULL", true)]
    [InlineData("N/A", true)]
    [InlineData("n/a", true)]
    [InlineData("Unknown", true)]
    [InlineData("--", true)]
    [InlineData("nullius", false)]
    [InlineData("0", false)]
    public void IsPlaceholder_MatchesTheEmptyValuesFormsWrite_InAnyCase(string text, bool expected) =>
        Assert.Equal(expected, IdentityNormalizer.IsPlaceholder(text));

    [Fact]
    public void LinkedInPublicId_OfDecomposedAndPrecomposedSpelling_IsOneId() =>
        Assert.Equal(IdentityNormalizer.LinkedInPublicId("jürgen-müller-4a"), IdentityNormalizer.LinkedInPublicId("ju\u0308rgen-mu\u0308ller-4a"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://example.com/in/alex-doe")]
    [InlineData("https://notlinkedin.com/in/alex-doe")]
    [InlineData("https://linkedin.com.evil.example/in/alex-doe")]
    [InlineData("ftp://www.linkedin.com/in/alex-doe")]
    [InlineData("https://www.linkedin.com/company/acme/")]
    [InlineData("https://www.linkedin.com/in/")]
    [InlineData("https://www.linkedin.com/")]
    [InlineData("https://www.linkedin.com/in/a%2Fb")]
    [InlineData("alex doe")]
    [InlineData("alex@example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("in/alex-doe")]
    public void LinkedInPublicId_WhenNotAMemberProfile_ReturnsNull(string? raw) =>
        Assert.Null(IdentityNormalizer.LinkedInPublicId(raw));

    [Theory]
    [InlineData("", "")]
    [InlineData("alex-", "doe")]
    public void LinkedInPublicId_WhenIdHasLoneSurrogate_ReturnsNullInsteadOfThrowing(string before, string after)
    {
        // Built here: a lone surrogate does not survive xunit's serialization of theory data.
        var raw = before + (char)0xD800 + after;

        Assert.Null(IdentityNormalizer.LinkedInPublicId(raw));
    }

    [Fact]
    public void LinkedInPublicId_WhenUrlHasLoneSurrogate_DoesNotThrow()
    {
        // Uri replaces the lone surrogate with U+FFFD, so this yields an id, but never broken text.
        var id = IdentityNormalizer.LinkedInPublicId("https://www.linkedin.com/in/alex-" + (char)0xD800 + "doe/");

        Assert.DoesNotContain(id ?? string.Empty, char.IsSurrogate);
    }

    [Fact]
    public void LinkedInPublicId_WhenUrlIsHuge_ReturnsNull() =>
        Assert.Null(IdentityNormalizer.LinkedInPublicId("https://www.linkedin.com/in/" + new string('a', 5_000)));

    [Theory]
    [InlineData("bill@microsoft.example", "bill@microsoft.example")]
    [InlineData("  Bill@Microsoft.EXAMPLE ", "bill@microsoft.example")]
    [InlineData("BILL.GATES+sales@Microsoft.Example", "bill.gates+sales@microsoft.example")]
    [InlineData("mailto:Bill@microsoft.example", "bill@microsoft.example")]
    [InlineData("MAILTO:bill@microsoft.example", "bill@microsoft.example")]
    [InlineData("bill@localhost", "bill@localhost")]
    public void Email_WhenUsable_ReturnsItTrimmedAndLowerCase(string raw, string expected) =>
        Assert.Equal(expected, IdentityNormalizer.Email(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bill")]
    [InlineData("@microsoft.example")]
    [InlineData("bill@")]
    [InlineData("bill@@microsoft.example")]
    [InlineData("bill@micro@soft.example")]
    [InlineData("bill gates@microsoft.example")]
    [InlineData("<bill@microsoft.example>")]
    [InlineData("Bill Gates <bill@microsoft.example>")]
    [InlineData("bill@microsoft.example, steve@microsoft.example")]
    [InlineData("bill@microsoft.example;")]
    [InlineData("[email protected]")]
    [InlineData("bill\n@microsoft.example")]
    [InlineData("\"bill\"@microsoft.example")]
    public void Email_WhenNotOneUsableAddress_ReturnsNull(string? raw) =>
        Assert.Null(IdentityNormalizer.Email(raw));

    [Fact]
    public void Email_WhenLongerThan320Characters_ReturnsNull() =>
        Assert.Null(IdentityNormalizer.Email(new string('a', 310) + "@example.com"));

    [Theory]
    [InlineData("+1 555 0100", "+15550100")]
    [InlineData("+15550100", "+15550100")]
    [InlineData(" +34 600 123 456 ", "+34600123456")]
    [InlineData("+31 6 1234 5678", "+31612345678")]
    [InlineData("+31 (0)6 1234 5678", "+31612345678")]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("0031 6 12345678", "+31612345678")]
    [InlineData("+1 (555) 010-0100", "+15550100100")]
    [InlineData("+44.20.7946.0958", "+442079460958")]
    [InlineData("+123456789012345", "+123456789012345")]
    public void Phone_WhenInternational_ReturnsE164(string raw, string expected) =>
        Assert.Equal(expected, IdentityNormalizer.Phone(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("555 0100")]
    [InlineData("06 1234 5678")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+0 123 456 789")]
    [InlineData("+1 555 0100 ext 5")]
    [InlineData("+1-800-FLOWERS")]
    [InlineData("++15550100")]
    [InlineData("tel:+15550100")]
    [InlineData("00")]
    [InlineData("+")]
    public void Phone_WhenNotAnInternationalNumber_ReturnsNull(string? raw) =>
        Assert.Null(IdentityNormalizer.Phone(raw));
}
