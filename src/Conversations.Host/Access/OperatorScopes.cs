namespace Conversations.Host.Access;

/// <summary>The scopes an operator credential grants, the claim that carries them, and the policy of each.</summary>
public static class OperatorScopes
{
    /// <summary>Read leads, timelines, campaigns and the dashboard.</summary>
    public const string Read = "read";

    /// <summary>Everything <see cref="Read"/> allows, plus the admin API (replay).</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Admin];

    /// <summary>The claim type, on an authenticated operator, of each scope granted.</summary>
    public const string ClaimType = "conversations:scope";

    public const string ReadPolicy = "operators.read";
    public const string AdminPolicy = "operators.admin";

    /// <summary>Admin implies read.</summary>
    public static bool Grants(string granted, string required) =>
        granted == required || granted == Admin;
}
