using System.Buffers.Text;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Apis;

namespace Conversations.Host.Tests.Timeline;

public sealed class TimelineCursorTextTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheSameCursor_InUrlSafeText()
    {
        var cursor = new TimelineCursor(new DateTime(2026, 9, 14, 7, 0, 0, DateTimeKind.Utc).Ticks + 1234567, long.MaxValue - 1);

        var text = TimelineCursorText.Encode(cursor);

        Assert.Matches("^[A-Za-z0-9_-]+$", text);
        Assert.True(TimelineCursorText.TryDecode(text, out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAE=")]   // padded
    [InlineData("AQAAAAAAAAAAAAAAAAAAA!E")]    // not base64url
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAEA")]   // one byte too long
    public void TryDecode_RefusesTextOfTheWrongShape(string text) =>
        Assert.False(TimelineCursorText.TryDecode(text, out _));

    [Theory]
    [InlineData(2, 1, 1)]                 // unknown format version
    [InlineData(1, -1, 1)]                // negative time
    [InlineData(1, 1, 0)]                 // positions start at 1
    [InlineData(1, long.MaxValue, 1)]     // beyond DateTime.MaxValue
    public void TryDecode_RefusesValuesEncodeCannotHaveWritten(byte version, long ticks, long position)
    {
        var bytes = new byte[17];
        bytes[0] = version;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), ticks);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(9), position);

        Assert.False(TimelineCursorText.TryDecode(Base64Url.EncodeToString(bytes), out _));
    }
}
