"""The prompt every AI provider gets: the knowledge base, the customer's profile and language
named in words, the intent, the conversation's turns in order with their roles and subjects,
long texts and long conversations trimmed to the budget, and the plain-text form for Lindy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gastro_hub_desktop.brain.providers.prompt import (
    SHORTENED,
    Budget,
    chat_messages,
    conversation_as_text,
    language_name,
    system_prompt,
    trim,
)
from gastro_hub_desktop.domain.drafting import ContactProfile, DraftRequest, TurnInConversation
from gastro_hub_desktop.domain.triage import Intent

T0 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
KB = (
    "Kombinovaná pec Rational iCombi Pro 6-1/1: 289 900 Kč bez DPH. "
    "Doprava po Praze zdarma nad 20 000 Kč. Servis: Po–Pá 7–17 h."
)


def turn(
    minutes: int, text: str, *, customer: bool = True, subject: str | None = None
) -> TurnInConversation:
    return TurnInConversation(
        from_customer=customer,
        author="Jana Nováková" if customer else "Petr (Gastro Hub)",
        text=text,
        sent_at=T0 + timedelta(minutes=minutes),
        subject=subject,
    )


def request(
    turns: tuple[TurnInConversation, ...],
    *,
    language: str | None = "cs",
    contact: ContactProfile | None = None,
    knowledge_base: str = KB,
    intent: Intent = Intent.QUOTE_REQUEST,
    signature: str = "",
) -> DraftRequest:
    return DraftRequest(
        request_id="req-1",
        conversation_id=7,
        channel="email",
        turns=turns,
        contact=contact
        or ContactProfile(
            name="Jana Nováková",
            company="Bistro U Zlatého klasu",
            language="cs",
            is_vip=True,
            notes="Platí vždy včas; preferuje e-mail.",
        ),
        language=language,
        intent=intent,
        knowledge_base=knowledge_base,
        business_name="Gastro Hub Praha",
        signature=signature,
    )


CONVERSATION = (
    turn(0, "Dobrý den, kolik stojí pec iCombi Pro 6-1/1?", subject="Poptávka pece"),
    turn(30, "Dobrý den, pošlu nabídku do zítřka.", customer=False, subject="Re: Poptávka pece"),
    turn(60, "Děkuji. A je doprava zdarma?", subject="Re: Poptávka pece"),
)


def test_system_prompt_carries_business_knowledge_base_customer_and_intent() -> None:
    system = system_prompt(request(CONVERSATION))

    assert "Gastro Hub Praha" in system
    assert KB in system  # the knowledge base, whole (it fits the budget)
    assert "Write the reply in Czech, the customer's language." in system
    assert "Do not invent prices, dates" in system
    assert "concise" in system
    assert "a request for a price quote" in system  # the intent, in words
    assert "- Name: Jana Nováková" in system
    assert "- Company: Bistro U Zlatého klasu" in system
    assert "VIP customer" in system
    assert "Platí vždy včas; preferuje e-mail." in system
    assert "Channel: email." in system


@pytest.mark.parametrize(
    ("detected", "profile", "expected"),
    [
        ("en", "cs", "Write the reply in English"),  # the conversation's language wins
        ("de", None, "Write the reply in German"),
        (None, "de", "Write the reply in German"),  # else the profile's
        (None, None, "Write the reply in the language of the customer's last message."),
    ],
)
def test_answer_language_is_named_in_words(
    detected: str | None, profile: str | None, expected: str
) -> None:
    contact = ContactProfile(name="Klaus Becker", language=profile)
    assert expected in system_prompt(request(CONVERSATION, language=detected, contact=contact))


def test_language_names() -> None:
    assert [language_name(c) for c in ("cs", "en", "de", "DE-at")] == [
        "Czech",
        "English",
        "German",
        "German",
    ]
    assert language_name("hu") == "hu"
    assert language_name(None) is None


def test_without_knowledge_base_no_prices_may_be_stated() -> None:
    system = system_prompt(request(CONVERSATION, knowledge_base="  "))
    assert "There is no knowledge base: state no price, date or term." in system


def test_signature_is_asked_for_when_set() -> None:
    system = system_prompt(request(CONVERSATION, signature="Petr Svoboda\nGastro Hub Praha"))
    assert "End the reply with this signature:\nPetr Svoboda\nGastro Hub Praha" in system


def test_turns_in_order_with_roles_and_subjects() -> None:
    messages = chat_messages(request(CONVERSATION))

    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[1]["content"] == (
        "Subject: Poptávka pece\n\nDobrý den, kolik stojí pec iCombi Pro 6-1/1?"
    )
    assert messages[2]["content"] == (
        "Subject: Re: Poptávka pece\n\nDobrý den, pošlu nabídku do zítřka."
    )
    # the same subject again is not repeated
    assert messages[3]["content"] == "Děkuji. A je doprava zdarma?"


def test_consecutive_turns_of_one_side_are_joined_and_the_last_message_is_the_customers() -> None:
    turns = (
        turn(0, "Dobrý den, máte skladem myčku Winterhalter UC-M?"),
        turn(1, "A ještě: dodáte do pátku?"),
        turn(20, "Ano, máme ji skladem.", customer=False),
    )
    messages = chat_messages(request(turns))

    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[1]["content"] == (
        "Dobrý den, máte skladem myčku Winterhalter UC-M?\n\nA ještě: dodáte do pátku?"
    )
    assert "follow-up" in messages[3]["content"]  # we wrote last: the model is told so


def test_a_long_text_is_trimmed_to_the_budget() -> None:
    long = "Reklamace: " + "pec netopí správně a ukazuje chybu. " * 400
    messages = chat_messages(request((turn(0, long),)), Budget(per_turn=500))

    content = messages[1]["content"]
    assert len(content) <= 500
    assert content.startswith("Reklamace: pec netopí")
    assert content.endswith(SHORTENED)


def test_a_long_conversation_keeps_the_newest_turns_and_says_how_many_were_left_out() -> None:
    turns = tuple(
        turn(i, f"Zpráva číslo {i}: " + "slovo " * 50, customer=i % 2 == 0) for i in range(20)
    )
    budget = Budget(per_turn=1000, turns_total=1500)
    messages = chat_messages(request(turns), budget)

    kept = "\n".join(m["content"] for m in messages[1:])
    assert "Zpráva číslo 19:" in kept  # the newest is there
    assert "Zpráva číslo 0:" not in kept  # the oldest went first
    numbers = [int(part.split(":")[0]) for part in kept.split("Zpráva číslo ")[1:]]
    assert numbers == sorted(numbers)  # still oldest first
    assert sum(len(m["content"]) for m in messages[1:]) <= budget.turns_total + 100
    assert f"{20 - len(numbers)} earlier message(s)" in messages[0]["content"]


def test_knowledge_base_is_trimmed_to_its_budget() -> None:
    kb = "Ceník: " + "položka 1 000 Kč; " * 2000
    system = system_prompt(
        request(CONVERSATION, knowledge_base=kb), budget=Budget(knowledge_base=800)
    )
    start = system.index("<<<\n") + 4
    shown = system[start : system.index("\n>>>")]
    assert len(shown) <= 800
    assert shown.endswith(SHORTENED)


def test_trim_keeps_short_text_and_cuts_at_a_word() -> None:
    assert trim("  krátký text  ", 100) == "krátký text"
    cut = trim("jedna dva tři čtyři pět šest sedm osm devět deset", 30)
    assert cut.endswith(SHORTENED)
    assert not cut.removesuffix(SHORTENED).endswith(("dv", "čt", "še"))  # whole words


def test_conversation_as_text_names_sides_times_and_subjects_in_order() -> None:
    text = conversation_as_text(request(CONVERSATION))

    first = text.index("Customer (Jana Nováková, 2025-03-10 09:00):")
    ours = text.index("Us (Petr (Gastro Hub), 2025-03-10 09:30):")
    last = text.index("Customer (Jana Nováková, 2025-03-10 10:00):")
    assert first < ours < last
    assert "Subject: Poptávka pece\n\nDobrý den, kolik stojí pec" in text
    assert text.count("Subject: Re: Poptávka pece") == 1
    assert text.endswith("Děkuji. A je doprava zdarma?")
