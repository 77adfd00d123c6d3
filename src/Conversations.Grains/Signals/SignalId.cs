using System.Security.Cryptography;
using System.Text;

namespace Conversations.Grains.Signals;

/// <summary>A signal's id: <c>sg_</c> and 32 hex digits of a hash of its type, lead and anchor, so finding it again gives the same id.</summary>
public static class SignalId
{
    public static string Of(string type, string leadId, string anchor) =>
        "sg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{leadId}\n{anchor}")).AsSpan(0, 16));
}
