namespace Conversations.Abstractions.Events;

/// <summary>The medium an event happened on.</summary>
public enum Channel
{
    Email,
    LinkedIn,
    Chat,
    WhatsApp,
    Sms,
    Twitter,
    Crm,
}
