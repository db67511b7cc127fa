"""Recognise mail no person wrote: newsletters, system notifications, bounces, auto-replies.

Looks at the sender, the subject and the body (plus the channel's `automated_hint`) and says
what kind of automated message it is, so triage can label it without guessing.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from gastro_hub_desktop.brain.triage.language import strip_quoted
from gastro_hub_desktop.brain.triage.matching import fold


class AutomatedKind(enum.StrEnum):
    """What sort of machine-sent message this is."""

    BOUNCE = "bounce"
    OUT_OF_OFFICE = "out_of_office"
    CALENDAR = "calendar"
    TRACKING = "tracking"
    PAYMENT = "payment"  # banks, payment services, invoicing tools, dunning robots
    PLATFORM = "platform"  # LinkedIn, Facebook, Google and similar notifications
    NEWSLETTER = "newsletter"  # newsletters, marketing, trade-fair and webinar invitations
    OTHER = "other"  # no-reply mail that fits nothing above


@dataclass(frozen=True)
class AutomatedVerdict:
    automated: bool
    kind: AutomatedKind | None = None
    reasons: tuple[str, ...] = ()


def _rx(*parts: str) -> re.Pattern[str]:
    """One case-insensitive regex over folded text from alternatives."""
    return re.compile("|".join(f"(?:{p})" for p in parts))


_NO_REPLY_LOCAL = _rx(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply)",
    r"(?:^|[-_.])no[-_.]?reply(?:$|[-_.])",
    r"^(?:notifications?|notifikace|notify|alerts?|automat|mailer|bounces?)(?:$|[-_.])",
    r"(?:^|[-_.])(?:notifications?|notifikace)(?:$|[-_.])",
)
_BOUNCE_LOCAL = _rx(r"^mailer-daemon$", r"^postmaster$", r"^mail-?daemon")
_NEWS_LOCAL = _rx(
    r"^(?:newsletters?|news|novinky|marketing|promo|promotions?|akce-?newsletter|mailing)$",
    r"^(?:newsletter|news|marketing)[-_.]",
)
_TRACKING_DOMAINS = _rx(
    r"(?:^|\.)(?:dhl|ups|ppl|dpd|gls|fedex|tnt|zasilkovna|packeta|balikovna|ceskaposta"
    r"|hermesworld|myhermes|geis|toptrans|wedo|post)\.(?:cz|com|de|at|sk|ch|eu|net|co\.uk)$",
    r"(?:^|\.)(?:dhl|ups|dpd|gls|fedex)\.[a-z.]+$",
)
_PAYMENT_DOMAINS = _rx(
    r"(?:^|\.)(?:paypal|stripe|gopay|comgate|thepay|revolut|wise|sumup|adyen)\.[a-z.]+$",
    r"(?:^|\.)(?:fakturoid|idoklad|pohoda|flexibee|abra|money-s3[-\w]*|superfaktura|sevdesk"
    r"|lexoffice|quickbooks|xero|invoice2go)\.[a-z.]+$",
    r"(?:^|\.)(?:fio|csob|kb|rb|airbank|moneta|csas|unicreditgroup|mbank|sparkasse|raiffeisen)"
    r"\.[a-z.]+$",
)
_PLATFORM_DOMAINS = _rx(
    r"(?:^|\.)(?:linkedin|facebookmail|facebook|instagram|google|microsoft|office365|zoom"
    r"|calendly|teams|outlook|twitter|x|tiktok|youtube|slack|trello|asana)\.(?:com|us|cz)$",
    r"(?:^|\.)(?:accounts|calendar)\.google\.com$",
)
_BOUNCE_SUBJECT = _rx(
    r"undeliver(?:able|ed)",
    r"delivery status notification",
    r"mail delivery (?:failed|failure|subsystem)",
    r"returned mail",
    r"failure notice",
    r"nedorucitel",
    r"nedorucen",
    r"unzustellbar",
    r"nicht zustellbar",
)
_OOO_SUBJECT = _rx(
    r"out of (?:the )?office",
    r"auto(?:matic)?[- ]?reply",
    r"autoreply",
    r"automaticka odpoved",
    r"mimo kancelar",
    r"nepritomnost",
    r"(?:jsem )?na dovolene",
    r"abwesenheit",
    r"automatische antwort",
    r"nicht im (?:buro|buero)",
    r"urlaubsabwesenheit",
)
_OOO_BODY = _rx(
    r"\b(?:i am|i'm) (?:currently )?(?:out of (?:the )?office|on (?:annual )?leave|away)"
    r"[^.?!]{0,80}\b(?:return|back)\b",
    r"\bwill (?:be )?(?:return|back)\w*\b[^.?!]{0,60}\b(?:on|by|until)\b"
    r"[^.?!]{0,80}(?:limited access|not be forwarded|urgent matters|in my absence|contact)",
    r"\byour (?:message|e-?mail) will not be forwarded\b",
    r"\bmimo kancelar\b",
    r"\b(?:jsem|budu) (?:mimo|na dovolene|nepritomn)[^.?!]{0,120}"
    r"(?:po (?:svem )?navratu|omezen\w* pristup|v nalehavych)",
    r"\bvasi zprave se budu venovat po\b",
    r"\bich bin (?:bis|vom|derzeit|zurzeit|ab)[^.?!]{0,80}(?:abwesend|nicht im (?:buro|buero)"
    r"|im urlaub|nicht erreichbar)",
    r"\bihre (?:e-?mail|nachricht) wird nicht weitergeleitet\b",
    r"\b(?:abwesend|im urlaub)[^.?!]{0,80}\b(?:zuruck|zurueck|wieder erreichbar)\b",
)
_CALENDAR = _rx(
    r"^(?:invitation|updated invitation|accepted|declined|pozvanka|aktualizovana pozvanka"
    r"|prijato|odmitnuto|einladung|aktualisierte einladung|angenommen|abgelehnt)\s*:",
    r"\binvited you to (?:a|an|the)\b",
    r"\bvas pozval\w* na (?:udalost|schuzku)\b",
    r"\bhat sie zu\b[^.]{0,60}\beingeladen\b",
    r"\b(?:join|pripojit se)\b[^.]{0,40}\b(?:meeting|schuzk\w*|besprechung)\b",
    r"\bmeeting id\b",
    r"\bgoogle (?:calendar|kalendar)\b|\bkalendare google\b|\bgoogle kalender\b",
    r"\b(?:zucastnite|going|teilnehmen)\?[^.]{0,40}\b(?:ano|yes|ja)\b",
    r"\bnova (?:udalost|rezervace|schuzka)\b",
    r"\bnew (?:event|booking|meeting) (?:scheduled|booked)\b",
    r"\bevent scheduled\b|\bcalendly\b|\bneuer termin\b|\budalost (?:naplanovana|zrusena)\b",
    r"\bzobrazit udalost\b|\bview event\b",
)
_AUTO_BODY = _rx(
    r"\bthis (?:is an )?(?:automated|automatic(?:ally generated)?) "
    r"(?:message|notification|e-?mail)",
    r"\b(?:this|the) (?:message|e-?mail|notification) (?:was|is|has been) (?:automatically )?"
    r"(?:generated|sent) automatically\b",
    r"\b(?:this|the) (?:message|e-?mail|notification) (?:was|is|has been) automatically\b",
    r"\bplease do not reply\b|\bdo not reply to this\b|\bdon't reply to this\b",
    r"\b(?:tento|tato|toto) (?:e-?mail|zprava|sdeleni|oznameni) (?:byl\w*|je) "
    r"(?:vygenerovan\w*|generovan\w*|odeslan\w*|zaslan\w*) automaticky\b",
    r"\b(?:vygenerovan\w*|generovan\w*) automaticky\b",
    r"\bneodpovidejte na (?:nej|ni|tento|tuto|tuhle)\b|\bna tento e-?mail neodpovidejte\b",
    r"\b(?:diese|die) (?:e-?mail|nachricht|benachrichtigung) wurde automatisch\b",
    r"\bautomatisch (?:generiert|erstellt|versendet)\w*\b",
    r"\bbitte (?:antworten sie )?nicht auf diese (?:e-?mail|nachricht)\b",
)
_UNSUBSCRIBE = _rx(
    r"\bunsubscribe\b",
    r"\bopt[- ]out\b",
    r"\bmanage (?:your )?(?:email )?(?:preferences|subscription)",
    r"\bodhlas\w*",
    r"\bodhlaseni\b",
    r"\bnechcete (?:uz )?dostavat\b",
    r"\bneprejete si dostavat\b",
    r"\babmelden\b|\babbestellen\b|\bnewsletter abbestellen\b|\babmeldung\b",
    r"\bsent to you as a registered\b|\byou (?:are )?receiv\w+ this (?:e-?mail|message) because\b",
    r"\bjste obdrzel\w*,? protoze\b|\bje zasilan\w* (?:clenum|odberatelum)\b",
    r"\ban registrierte\b[^.]{0,40}\bversandt\b|\bsie erhalten diese\b",
)
_NEWSLETTER_BODY = _rx(
    r"\bnewsletter\w*",
    r"\bzavadeci (?:rabat|sleva|cena)\b|\bakcni letak\b|\bblack friday\b|\bcyber monday\b",
    r"\b(?:launch|special|limited)[- ]offer\b|\b\d+ ?% (?:off|sleva|rabatt)\b|\bsleva \d+ ?%",
    r"\bregist(?:er|rujte se|rieren sie sich)\b[^.]{0,60}\b(?:now|zdarma|jetzt|online)\b",
    r"\b(?:visitor|vstupenk\w*|ticket\w*)\b[^.]{0,60}\b(?:registration|registrace|shop|sichern)\b",
)
_TRACKING_BODY = _rx(
    r"\btrack(?:ing)? (?:your )?(?:shipment|package|parcel|order)\b",
    r"\b(?:your|vase|ihre) (?:shipment|package|parcel|zasilka|sendung|paket)\b",
    r"\bsendungsverfolgung\b|\bsledovani zasilky\b|\bzmenu doruceni\b",
)
_PAYMENT_BODY = _rx(
    r"\byou(?:'ve| have)? received a payment\b|\bpayment (?:received|confirmation)\b",
    r"\bpripsan\w* (?:platba|castka)\b|\bprichozi platb\w*\b|\bzasila(?:me|)? fakturu\b",
    r"\b(?:upominka|zahlungserinnerung|mahnung|payment reminder|overdue)\b",
    r"\bzahlungseingang\b|\bgutschrift\b|\bneue rechnung\b|\bnova faktura\b|\bnew invoice\b",
)
_PLATFORM_BODY = _rx(
    r"\blinkedin\b",
    r"\b(?:viewed|zobrazeni|aufrufe)\b[^.]{0,30}\bprofil\w*",
    r"\bpodivalo na vas profil\b|\bprofile views?\b",
)


@dataclass(frozen=True)
class _Parts:
    channel: str
    local: str
    domain: str
    subject: str
    body: str


def _parts(channel: str, sender: str, subject: str | None, text: str) -> _Parts:
    address = sender.strip().lower()
    local, _, domain = address.rpartition("@") if "@" in address else ("", "", "")
    return _Parts(channel.lower(), local, domain, fold(subject or ""), fold(strip_quoted(text)))


def classify_automated(
    channel: str,
    sender: str,
    subject: str | None,
    text: str,
    *,
    hint: bool = False,
) -> AutomatedVerdict:
    """Whether a message was sent by a machine, and which kind, with the evidence found."""
    p = _parts(str(channel), sender, subject, text)
    reasons: list[str] = []
    email = p.channel == "email" or bool(p.domain)
    head = p.body[:600]
    tail = p.body[-600:]

    def found(label: str, pattern: re.Pattern[str], where: str) -> bool:
        match = pattern.search(where)
        if match:
            reasons.append(f"{label}: “{match.group(0).strip()[:40]}”")
        return bool(match)

    bounce = email and (
        found("bounce sender", _BOUNCE_LOCAL, p.local)
        or found("bounce subject", _BOUNCE_SUBJECT, p.subject)
    )
    if bounce:
        return AutomatedVerdict(True, AutomatedKind.BOUNCE, tuple(reasons))
    if found("out-of-office subject", _OOO_SUBJECT, p.subject) or found(
        "out-of-office text", _OOO_BODY, head
    ):
        return AutomatedVerdict(True, AutomatedKind.OUT_OF_OFFICE, tuple(reasons))

    no_reply = email and found("no-reply sender", _NO_REPLY_LOCAL, p.local)
    auto_text = found("automated text", _AUTO_BODY, p.body)
    unsubscribe = found("unsubscribe footer", _UNSUBSCRIBE, tail)
    news_sender = email and found("newsletter sender", _NEWS_LOCAL, p.local)
    if hint:
        reasons.append("channel marked it automated")
    machine = no_reply or auto_text or unsubscribe or news_sender or hint

    calendar = not unsubscribe and (
        found("calendar invitation", _CALENDAR, p.subject)
        or (
            (machine or p.domain.endswith("google.com")) and found("calendar text", _CALENDAR, head)
        )
    )
    if calendar and (machine or email):
        return AutomatedVerdict(True, AutomatedKind.CALENDAR, tuple(reasons))

    carrier = email and found("carrier sender", _TRACKING_DOMAINS, p.domain)
    if carrier and (machine or found("tracking text", _TRACKING_BODY, p.body + " " + p.subject)):
        return AutomatedVerdict(True, AutomatedKind.TRACKING, tuple(reasons))
    if not machine:
        return AutomatedVerdict(False, None, tuple(reasons))

    if email and found("payment service sender", _PAYMENT_DOMAINS, p.domain):
        return AutomatedVerdict(True, AutomatedKind.PAYMENT, tuple(reasons))
    if email and found("platform sender", _PLATFORM_DOMAINS, p.domain):
        return AutomatedVerdict(True, AutomatedKind.PLATFORM, tuple(reasons))
    if found("tracking text", _TRACKING_BODY, p.subject + " " + head) and not unsubscribe:
        return AutomatedVerdict(True, AutomatedKind.TRACKING, tuple(reasons))
    if found("payment notice", _PAYMENT_BODY, p.subject + " " + head) and not unsubscribe:
        return AutomatedVerdict(True, AutomatedKind.PAYMENT, tuple(reasons))
    if (
        unsubscribe
        or news_sender
        or found("marketing text", _NEWSLETTER_BODY, p.subject + " " + p.body)
    ):
        if found("platform text", _PLATFORM_BODY, p.subject + " " + head):
            return AutomatedVerdict(True, AutomatedKind.PLATFORM, tuple(reasons))
        return AutomatedVerdict(True, AutomatedKind.NEWSLETTER, tuple(reasons))
    return AutomatedVerdict(True, AutomatedKind.OTHER, tuple(reasons))
