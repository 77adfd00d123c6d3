using System.Buffers.Binary;
using System.Buffers.Text;
using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Apis;

/// <summary>
/// The opaque text form of a <see cref="TimelineCursor"/> in <c>?cursor=</c>: base64url (no padding) of a format
/// version byte, then occurred-at UTC ticks and position as big-endian 64-bit integers.
/// </summary>
public static class TimelineCursorText
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + sizeof(long);

    public static string Encode(TimelineCursor cursor)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], cursor.OccurredAtUtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[(1 + sizeof(long))..], cursor.Position);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>False for anything <see cref="Encode"/> cannot have produced.</summary>
    public static bool TryDecode(string text, out TimelineCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[Length];
        // Exactly the unpadded length first: IsValid also accepts padding and whitespace.
        if (text.Length != Base64Url.GetEncodedLength(Length) || !Base64Url.IsValid(text, out var decodedLength) || decodedLength != Length
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        var position = BinaryPrimitives.ReadInt64BigEndian(bytes[(1 + sizeof(long))..]);
        if (ticks is < 0 || ticks > DateTime.MaxValue.Ticks || position <= 0) return false;
        cursor = new TimelineCursor(ticks, position);
        return true;
    }
}
