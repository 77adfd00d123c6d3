namespace Conversations.Grains.Signals;

/// <summary>
/// The phrases that decide a reply's intent, in English, Dutch and German, matched as whole words in the reply's own
/// text (quoted history cut off) and subject, ignoring case. A list that is set replaces its default whole. A phrase
/// written <c>=stop</c> matches only a reply that says nothing else.
/// </summary>
/// <remarks>
/// Checked in this order, and the first list that matches decides: <see cref="AutoReply"/>, <see cref="Unsubscribe"/>,
/// <see cref="Referral"/> (neutral), <see cref="Negative"/>, <see cref="Positive"/>, <see cref="Away"/>; nothing:
/// neutral. So "not interested" is negative before "interested" is positive, and "on holiday, but let's talk" is
/// positive. A phrase right after a negation ("not", "no", "niet", "geen", "nicht", "kein", ...) does not count:
/// "not happy with our current tool" is not "happy with our current".
/// </remarks>
public sealed class ReplyIntentPhrases
{
    /// <summary>Marks of an automatic reply, whatever else it says.</summary>
    public string[]? AutoReply { get; set; }

    /// <summary>Asks to be removed.</summary>
    public string[]? Unsubscribe { get; set; }

    /// <summary>Declines.</summary>
    public string[]? Negative { get; set; }

    /// <summary>Shows interest.</summary>
    public string[]? Positive { get; set; }

    /// <summary>Sends the sender to someone else ("talk to my colleague"): neutral, even when it also says "not the right person".</summary>
    public string[]? Referral { get; set; }

    /// <summary>Says the person is away, which a person may also write themselves: an automatic reply only if nothing above matched.</summary>
    public string[]? Away { get; set; }

    public static IReadOnlyList<string> DefaultAutoReply { get; } =
    [
        "bei uns eingegangen",
        "automatic reply", "auto-reply", "autoreply", "auto reply", "automatic response", "out of office", "out-of-office",
        "this mailbox is no longer monitored", "this inbox is no longer monitored", "this email address is no longer",
        "we have received your message", "we have received your email", "we received your message", "thank you for contacting",
        "abwesenheitsnotiz", "automatische antwort", "automatische rückantwort", "abwesenheitsassistent", "nicht mehr im unternehmen",
        "ihre nachricht ist eingegangen", "wir haben ihre nachricht erhalten", "wir haben ihre e-mail erhalten",
        "automatisch antwoord", "automatisch bericht", "afwezigheidsbericht", "niet meer werkzaam bij", "uw bericht is ontvangen",
        "wij hebben uw bericht ontvangen", "we hebben je bericht ontvangen",
    ];

    public static IReadOnlyList<string> DefaultUnsubscribe { get; } =
    [
        "take us off", "no longer contact", "do not send", "don't send", "leave me alone", "spam", "geen mail meer", "nicht mehr zu kontaktieren", "keine werbung", "keine nachrichten mehr", "lassen sie mich in ruhe",
        "unsubscribed", "opt me out", "future communications", "van je lijst", "mailinglijst", "geen berichten meer", "niet meer te benaderen", "gegevens te verwijderen", "haal mij", "haal me", "nicht mehr schreiben", "schreiben sie mir nicht", "nicht weiter kontaktiert", "nicht mehr kontaktiert",
        "unsubscribe", "remove me", "remove my email", "remove my address", "remove my details", "remove us", "take me off",
        "take me out of", "opt out", "opt-out", "stop emailing", "stop sending", "stop contacting", "stop messaging",
        "do not contact me", "don't contact me", "do not email me", "don't email me", "no more emails", "delete my data",
        "delete my details", "delete my contact", "gdpr", "=stop", "=remove",
        "uitschrijven", "schrijf mij uit", "schrijf me uit", "verwijder mij", "verwijder me", "verwijder mijn", "afmelden",
        "meld mij af", "meld me af", "geen mails meer", "geen e-mails meer", "niet meer mailen", "niet meer benaderen",
        "stop met mailen", "uit uw bestand", "uit jullie bestand", "van jullie lijst",
        "abmelden", "austragen", "tragen sie mich", "entfernen sie mich", "entfernen sie meine", "löschen sie meine",
        "keine weiteren e-mails", "keine weiteren emails", "keine e-mails mehr", "keine mails mehr", "nicht mehr kontaktieren",
        "nicht mehr anschreiben", "aus ihrem verteiler", "aus dem verteiler", "von ihrer liste", "dsgvo", "widerspreche",
    ];

    public static IReadOnlyList<string> DefaultNegative { get; } =
    [
        "we're good", "we are good", "not needed", "no need for", "not in the market", "not at the moment", "not currently", "we're covered", "we are covered", "not for now", "no, thanks", "thanks but no", "not a match", "doesn't fit", "does not fit", "not applicable", "no plans", "no capacity", "not the decision maker", "i'm not the right", "i am not the right", "hebben geen", "hebben we geen", "niet aan de orde", "niet van toepassing", "geen tijd", "geen ruimte", "nee, bedankt", "liever niet", "al geregeld", "al voorzien", "niet op zoek", "nicht interessant", "brauchen wir nicht", "benötigen wir nicht", "haben wir bereits", "haben wir schon", "gut versorgt", "gut aufgestellt", "nicht geplant", "keine kapazität", "keine zeit", "nein, danke", "lieber nicht", "nicht auf der suche", "kommt nicht in frage", "für uns nicht", "nicht für uns",
        "we don't work with", "doesn't apply", "does not apply", "hiring freeze", "have to pass", "can't help", "not something we", "other priorities", "another time", "we built our own", "locked in", "budget got cut", "voorlopig niet", "nu even niet", "past nu", "past niet", "geen toegevoegde waarde", "nee, dank", "niet meer verantwoordelijk", "kein thema", "ausgeschöpft", "leider nicht", "grundsätzlich nicht", "intern gelöst", "nicht mehr zuständig",
        "not interested", "no interest", "not a fit", "not a good fit", "not relevant", "no need", "we don't need",
        "we do not need", "no thanks", "no thank you", "not at this time", "not right now", "not a priority",
        "not the right time", "we're all set", "we are all set", "we already have", "we already use", "already using",
        "already work with", "happy with our current", "no budget", "wrong person", "not the right person",
        "not responsible", "no longer responsible", "not the person", "don't follow up", "do not follow up", "we'll pass",
        "we will pass", "i'll pass", "not for us", "not looking",
        "geen interesse", "niet geïnteresseerd", "niet geinteresseerd", "geen behoefte", "niet nodig", "hebben we al",
        "hebben al een", "gebruiken al", "geen budget", "niet de juiste persoon", "niet het juiste aanspreekpunt",
        "niet verantwoordelijk", "nee dank", "nee bedankt", "niet relevant", "geen prioriteit", "op dit moment niet",
        "momenteel niet",
        "kein interesse", "nicht interessiert", "keinen bedarf", "kein bedarf", "nicht relevant", "haben bereits",
        "nutzen bereits", "bereits einen anbieter", "kein budget", "falsche ansprechpartner", "falschen ansprechpartner",
        "nicht zuständig", "nicht der richtige", "nein danke", "derzeit nicht", "aktuell nicht", "momentan nicht",
        "zurzeit nicht", "keine priorität",
    ];

    public static IReadOnlyList<string> DefaultPositive { get; } =
    [
        "let's connect", "let's meet", "find a time", "set up a time", "a meeting", "a demo", "more info", "send me info", "learn more", "keen to", "open to a", "would love to", "i'd love to", "yes please", "yes, please", "count me in", "call me", "give me a call", "your availability", "when are you free", "when works", "how much", "what does it cost", "ik wil graag", "wil graag", "lijkt me interessant", "lijkt me goed", "kunnen we", "wanneer kan", "even bellen", "een demo", "wat kost", "würde mich interessieren", "würde gerne", "können wir", "wann passt", "wann haben sie zeit", "melden sie sich gerne", "senden sie mir", "was kostet",
        "let's do", "can we do", "do you have time", "free on", "i'm free", "i am free", "booked", "see you then", "send me some", "send over", "send it over", "proposal", "worth a look", "would be useful", "we'd love", "your calendar", "invite", "kan ik wel", "schikt", "lukt dat", "bel me", "bellen", "stuur maar", "willen graag", "presentatie", "uitnodiging", "telefonieren", "uhr passt", "mir passen", "passt uns", "lass uns", "gespräch", "preisübersicht", "schicken sie mir", "klingt spannend", "ein angebot",
        "interested", "sounds good", "sounds great", "let's talk", "let's chat", "let's set up", "let's schedule",
        "happy to talk", "happy to chat", "schedule a call", "set up a call", "book a call", "a quick call", "hop on a call",
        "jump on a call", "demo", "send me more", "send more info", "more information", "more details", "tell me more",
        "pricing", "price list", "a quote", "a proposal", "the deck", "works for me", "that works", "calendar invite",
        "send an invite", "send me an invite",
        "geïnteresseerd", "geinteresseerd", "klinkt goed", "klinkt interessant", "laten we", "afspraak", "meer informatie",
        "meer info", "stuur me", "stuur mij", "offerte", "prijzen", "past mij", "schikt mij", "ik hoor graag",
        "interessiert", "klingt gut", "klingt interessant", "termin", "telefonat", "mehr informationen",
        "weitere informationen", "unterlagen", "preise", "preisliste", "passt mir", "rufen sie mich",
        "lassen sie uns",
    ];

    public static IReadOnlyList<string> DefaultReferral { get; } =
    [
        "talk to my colleague", "speak to my colleague", "contact my colleague", "you should talk to", "you should speak to",
        "reach out to", "get in touch with", "the right person is", "wenden sie sich an", "wende dich an", "wenden sie sich bitte an",
        "ansprechpartner ist", "neem contact op met", "moet je bij", "kun je terecht bij", "kunt u terecht bij",
    ];

    public static IReadOnlyList<string> DefaultAway { get; } =
    [
        "on leave", "currently away", "i am away", "i'm away", "limited access", "back in the office", "out until", "abwesend", "wieder im büro", "wieder erreichbar", "elternzeit", "mutterschutz", "krankheitsbedingt", "dienstreise", "verlof", "weer aanwezig", "weer bereikbaar", "niet bereikbaar",
        "in den ferien", "keinen zugriff",
        "out of the office", "away from the office", "on annual leave", "on vacation", "on holiday", "on parental leave",
        "on maternity leave", "on paternity leave", "on sick leave", "limited access to email", "limited access to my email",
        "upon my return", "i will be back on", "i'll be back on", "no longer with", "has left the company",
        "nicht im büro", "außer haus", "ausser haus", "im urlaub", "in elternzeit", "nach meiner rückkehr",
        "eingeschränkten zugriff", "bin ich nicht erreichbar", "bin ich abwesend",
        "afwezig", "met vakantie", "op vakantie", "niet aanwezig", "beperkt toegang", "na mijn terugkomst",
    ];
}
