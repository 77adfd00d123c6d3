using System.Security.Cryptography;
using System.Text;

namespace Conversations.Grains.Signals;

/// <summary>
/// A signal's id: <c>sg_</c> and 32 hex digits of a hash of its type and anchor (the event or reply it is about), and,
/// for a signal a lead has once (<see cref="DetectedSignal.OncePerLead"/>), its lead. Finding it again gives the same
/// id, also after a merge moved its events to another lead.
/// </summary>
public static class SignalId
{
    public static string Of(string type, string leadId, string anchor) => Hash(anchor == DetectedSignal.OncePerLead
        ? $"{type}\n{leadId}\n{anchor}"
        : $"{type}\n\n{anchor}");

    private static string Hash(string text) => "sg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
