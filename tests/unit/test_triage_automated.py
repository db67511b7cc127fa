"""Automated mail: newsletters, notifications, calendar invitations, bounces, auto-replies."""

from __future__ import annotations

import pytest

from gastro_hub_desktop.brain.triage.automated import AutomatedKind, classify_automated

CASES: list[tuple[str, str, str | None, str, AutomatedKind | None]] = [
    (
        "email",
        "novinky@porcelanka-nova.cz",
        "Novinky v sortimentu – podzim",
        "Představujeme podzimní kolekci hotelového porcelánu.\nKatalog ke stažení.\nOdhlásit odběr novinek",
        AutomatedKind.NEWSLETTER,
    ),
    (
        "email",
        "info@intergastra-messe.de",
        "INTERGASTRA 2026 – jetzt Ticket sichern",
        "Sichern Sie sich jetzt Ihr Ticket.\nDiese E-Mail wurde an registrierte Besucher versandt. Abmelden",
        AutomatedKind.NEWSLETTER,
    ),
    (
        "email",
        "noreply@fakturoid.cz",
        "Nová faktura 2024-0412",
        "Zasíláme fakturu č. 2024-0412.\nTento e-mail byl vygenerován automaticky, neodpovídejte na něj.",
        AutomatedKind.PAYMENT,
    ),
    (
        "email",
        "service@paypal.com",
        "You've received a payment",
        "You received a payment of €412.50 EUR.\nThis is an automated message, please do not reply.",
        AutomatedKind.PAYMENT,
    ),
    (
        "email",
        "calendar-notification@google.com",
        "Pozvánka: Prohlídka kuchyně @ čt 14. 3. 2024 10:00",
        "Pavla Novotná Vás pozvala na událost.\nZúčastníte se?   Ano - Možná - Ne",
        AutomatedKind.CALENDAR,
    ),
    (
        "email",
        "notifications-noreply@linkedin.com",
        "Tento týden se na váš profil podívalo 14 lidí",
        "Tento týden: 14 zobrazení profilu.\nOdhlásit se.",
        AutomatedKind.PLATFORM,
    ),
    (
        "email",
        "MAILER-DAEMON@mail.example.cz",
        "Undelivered Mail Returned to Sender",
        "I'm sorry to have to inform you that your message could not be delivered.",
        AutomatedKind.BOUNCE,
    ),
    (
        "email",
        "noreply@dhl.com",
        "Your DHL Express shipment 4018837722 is on its way",
        "Your shipment is in transit. Track your shipment: https://www.dhl.com/track",
        AutomatedKind.TRACKING,
    ),
    (
        "email",
        "info@ppl.cz",
        "Vaše zásilka bude doručena dnes",
        "Vaše zásilka č. 40512877331 bude doručena dnes v čase 10:00–13:00.",
        AutomatedKind.TRACKING,
    ),
    (
        "email",
        "martina.fox@hotel.com",
        "Out of Office: Invoice correction",
        "I'm currently on annual leave and will return on 29 July.",
        AutomatedKind.OUT_OF_OFFICE,
    ),
    (
        "email",
        "ucetni@restaurace.cz",
        "Mimo kancelář",
        "Do 2. 9. jsem mimo kancelář s omezeným přístupem k e-mailu.",
        AutomatedKind.OUT_OF_OFFICE,
    ),
    (
        "email",
        "kueche@hotel.at",
        "Re: Angebot",
        "Ich bin bis 12. August im Urlaub und nicht erreichbar. Ihre Nachricht wird nicht weitergeleitet.",
        AutomatedKind.OUT_OF_OFFICE,
    ),
    # people, not machines
    (
        "email",
        "info@bistro-letna.cz",
        "Skladem GN nádoby?",
        "Můžete mi dneska potvrdit, jestli máte skladem 40 ks GN 1/1?",
        None,
    ),
    (
        "email",
        "chef@restaurant.cz",
        "Re: your newsletter",
        "Thanks for the newsletter, I'd like a quote for the oven from it.\n\n"
        "On Mon, 3 Jun 2024 Gastro Vltava <news@gastrovltava.cz> wrote:\n> New ovens!\n> Unsubscribe",
        None,
    ),
    (
        "linkedin",
        "linkedin.com/in/mark-seo-growth",
        None,
        "Hi there, we've helped 40+ suppliers triple organic leads. Open to a quick call?",
        None,
    ),
    ("whatsapp", "+420777412399", None, "Prosim jeste 2 baleni tablet do mycky, diky", None),
]


@pytest.mark.parametrize(("channel", "sender", "subject", "text", "kind"), CASES)
def test_recognises_automated_mail(
    channel: str, sender: str, subject: str | None, text: str, kind: AutomatedKind | None
) -> None:
    verdict = classify_automated(channel, sender, subject, text)
    assert verdict.kind is kind, verdict.reasons
    assert verdict.automated is (kind is not None)
    if kind is not None:
        assert verdict.reasons  # says what gave it away


def test_the_channel_hint_marks_mail_automated() -> None:
    text = "Dobrý den, posíláme přehled akcí na příští měsíc."
    assert not classify_automated("email", "obchod@dodavatel.cz", "Přehled", text).automated
    hinted = classify_automated("email", "obchod@dodavatel.cz", "Přehled", text, hint=True)
    assert hinted.automated
    assert any("channel" in reason for reason in hinted.reasons)
