using Conversations.Abstractions;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Normalizes the canonical event format that any platform without a dedicated receiver can send to
/// <c>POST /webhooks/generic</c>, signed as Standard Webhooks (<see cref="GenericVerifier"/>).
/// </summary>
/// <remarks>
/// <para>
/// A body is one event object, or a batch <c>{ "events": [ ... ] }</c> of 1 to 100 event objects (a body with an
/// <c>events</c> property is a batch). In a batch, an unusable event does not cost the others: the usable events
/// are accepted and each unusable one is reported, its detail starting with its index (<c>events[3]: kind is
/// missing</c>). A batch with no usable event is rejected as a whole.
/// Fields not listed are ignored; a JSON <c>null</c> counts as absent. Enum values are matched exactly (lower case).
/// </para>
/// <list type="table">
/// <listheader><term>Field</term><description>Meaning</description></listheader>
/// <item><term><c>id</c> (required)</term><description>The sender's id of the event, at most 256 characters (an integer is read as its digits). Resending an event with the same <c>source</c>, <c>kind</c> and <c>id</c> is idempotent.</description></item>
/// <item><term><c>kind</c> (required)</term><description><c>sent</c>, <c>opened</c>, <c>clicked</c>, <c>replied</c>, <c>reply_classified</c>, <c>bounced</c>, <c>unsubscribed</c>, <c>message</c>, <c>status_updated</c>, <c>lead_created</c>, <c>lead_updated</c>, <c>lead_deleted</c>.</description></item>
/// <item><term><c>channel</c> (required)</term><description><c>email</c>, <c>linkedin</c>, <c>chat</c>, <c>whatsapp</c>, <c>sms</c>, <c>twitter</c>, <c>crm</c>.</description></item>
/// <item><term><c>source</c> (required)</term><description>The sending platform's name, 1 to 40 characters from <c>a-z</c>, <c>0-9</c> and <c>-</c>. It scopes the event id, the campaign key and the lead id.</description></item>
/// <item><term><c>occurredAt</c> (required)</term><description>ISO 8601 with a UTC offset (<c>2026-09-22T14:05:31+02:00</c>, <c>...Z</c>); not before 2000 and not more than a day after receipt.</description></item>
/// <item><term><c>lead</c></term><description><c>email</c>, <c>linkedin</c> (profile URL or public id), <c>phone</c> (international, with <c>+</c> or <c>00</c>), <c>firstName</c>, <c>lastName</c>, <c>company</c>, <c>id</c> (the sender's lead id, kept as <c>&lt;source&gt;:&lt;id&gt;</c>). At least one of <c>email</c>, <c>linkedin</c>, <c>phone</c>, <c>id</c> must be usable (an <c>id</c> alone makes the lead <c>generic:&lt;source&gt;:&lt;id&gt;</c>), or the delivery is rejected as having no lead identity.</description></item>
/// <item><term><c>campaign</c></term><description><c>{ "id", "name" }</c>; <c>id</c> is required when the object is present. Keyed <c>generic:&lt;source&gt;:&lt;id&gt;</c>.</description></item>
/// <item><term><c>direction</c></term><description><c>inbound</c> (the lead acted), <c>outbound</c> (we did), <c>none</c>. Required for <c>message</c>; otherwise implied by the kind when absent: <c>sent</c> is outbound; <c>opened</c>, <c>clicked</c>, <c>replied</c>, <c>reply_classified</c>, <c>unsubscribed</c> are inbound; the rest none.</description></item>
/// <item><term><c>sentiment</c></term><description><c>positive</c>, <c>negative</c>, <c>neutral</c>; required for <c>reply_classified</c>.</description></item>
/// <item><term><c>messageId</c>, <c>subject</c>, <c>text</c>, <c>url</c></term><description>The message the event is about, its subject and plain text, and the link clicked. Text beyond the limits (64 KiB of text, 1 KiB of subject) is cut.</description></item>
/// </list>
/// </remarks>
public sealed class GenericNormalizer() : JsonWebhookNormalizer(Providers.Generic)
{
    private protected override NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt) =>
        root.TryGetRaw(GenericBatch.Field, out var events)
            ? GenericBatch.Normalize(events, receivedAt)
            : GenericEvent.Normalize(root, receivedAt);
}
