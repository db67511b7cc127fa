"""The words every AI provider is given: the instructions (business, knowledge base, customer,
intent, the customer's language) and the conversation, trimmed to a budget, either as chat
messages (system / user / assistant) or as one plain text (for agents such as Lindy)."""

from __future__ import annotations

from dataclasses import dataclass

from gastro_hub_desktop.domain.drafting import DraftRequest, TurnInConversation
from gastro_hub_desktop.domain.triage import Intent

LANGUAGE_NAMES = {
    "cs": "Czech",
    "en": "English",
    "de": "German",
    "sk": "Slovak",
    "pl": "Polish",
}

INTENT_WORDS = {
    Intent.ORDER: "an order",
    Intent.QUOTE_REQUEST: "a request for a price quote",
    Intent.COMPLAINT: "a complaint",
    Intent.DELIVERY: "a delivery (when or where goods arrive)",
    Intent.INVOICE: "an invoice or payment",
    Intent.SERVICE_REQUEST: "a service or repair request",
    Intent.QUESTION: "a question",
    Intent.NEWSLETTER: "a newsletter or other bulk message",
    Intent.OTHER: "something not clearly classified",
}

SHORTENED = " […] (shortened)"


@dataclass(frozen=True)
class Budget:
    """How many characters of each part the prompt may take (about 4 characters a token)."""

    per_turn: int = 3000  # one long e-mail keeps its beginning
    turns_total: int = 12000  # older turns are left out first
    knowledge_base: int = 8000


DEFAULT_BUDGET = Budget()


def language_name(code: str | None) -> str | None:
    """The language's name in English ("cs" → "Czech"); an unknown code is kept as it is."""
    if not code:
        return None
    return LANGUAGE_NAMES.get(code.lower().split("-")[0], code)


def customer_language(request: DraftRequest) -> str | None:
    """The language to answer in: the one detected in the conversation, else the profile's."""
    return request.language or request.contact.language


def trim(text: str, limit: int) -> str:
    """`text` cut to about `limit` characters at a word boundary, marked as shortened."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: max(limit - len(SHORTENED), 0)]
    space = cut.rfind(" ")
    if space > len(cut) * 0.8:
        cut = cut[:space]
    return cut.rstrip() + SHORTENED


def _chosen_turns(
    turns: tuple[TurnInConversation, ...], budget: Budget
) -> tuple[list[tuple[TurnInConversation, str]], int]:
    """The newest turns that fit the budget, oldest first, each trimmed; and how many of the
    older ones were left out."""
    chosen: list[tuple[TurnInConversation, str]] = []
    used = 0
    for turn in reversed(turns):
        text = trim(turn.text, budget.per_turn)
        cost = len(text) + len(turn.subject or "")
        if chosen and used + cost > budget.turns_total:
            break
        chosen.append((turn, text))
        used += cost
    chosen.reverse()
    return chosen, len(turns) - len(chosen)


def system_prompt(request: DraftRequest, left_out: int = 0, budget: Budget = DEFAULT_BUDGET) -> str:
    """The instructions: who we are, how to answer, the customer and the knowledge base."""
    business = request.business_name.strip() or "the business"
    language = language_name(customer_language(request))
    lines = [
        f"You draft the next reply of {business} to a customer. A person at {business} "
        "reads the draft before it is sent.",
        "",
    ]
    if language:
        lines.append(f"Write the reply in {language}, the customer's language.")
    else:
        lines.append("Write the reply in the language of the customer's last message.")
    lines += [
        "Be concise and friendly: answer what the customer asked, in a few short paragraphs "
        "at most.",
        "Do not invent prices, dates, delivery times, stock levels, discounts or promises that "
        "are not in the knowledge base below; where it does not say, write that you will check "
        "and get back to the customer.",
        "Write only the reply itself: no subject line, no notes to us, no placeholders.",
    ]
    if request.signature.strip():
        lines.append(f"End the reply with this signature:\n{request.signature.strip()}")
    lines += [
        "",
        f"The customer's last message is {INTENT_WORDS.get(request.intent, 'a message')}.",
        f"Channel: {request.channel}.",
    ]
    if left_out:
        lines.append(f"{left_out} earlier message(s) of this conversation are left out here.")
    contact = request.contact
    lines += ["", "About the customer:", f"- Name: {contact.name}"]
    if contact.company:
        lines.append(f"- Company: {contact.company}")
    if language:
        lines.append(f"- Language: {language}")
    if contact.is_vip:
        lines.append("- VIP customer: answer with particular care.")
    if contact.notes.strip():
        lines.append(f"- Notes: {trim(contact.notes, 1000)}")
    knowledge = request.knowledge_base.strip()
    lines.append("")
    if knowledge:
        lines += [
            f"Knowledge base of {business} (the only source for prices, dates and terms):",
            "<<<",
            trim(knowledge, budget.knowledge_base),
            ">>>",
        ]
    else:
        lines.append("There is no knowledge base: state no price, date or term.")
    return "\n".join(lines)


def _turn_content(turn: TurnInConversation, text: str, previous_subject: str | None) -> str:
    if turn.subject and turn.subject != previous_subject:
        return f"Subject: {turn.subject}\n\n{text}"
    return text


def chat_messages(request: DraftRequest, budget: Budget = DEFAULT_BUDGET) -> list[dict[str, str]]:
    """The Chat Completions `messages`: the system prompt, then the customer's turns as `user`
    and ours as `assistant`, oldest first. Consecutive turns of one side are joined (some
    local models' chat templates insist that the roles alternate), and the list always ends
    with a `user` message, as a model answers the last user turn."""
    chosen, left_out = _chosen_turns(request.turns, budget)
    messages: list[dict[str, str]] = [
        {"role": "system", "content": system_prompt(request, left_out, budget)}
    ]
    subject: str | None = None
    for turn, text in chosen:
        role = "user" if turn.from_customer else "assistant"
        content = _turn_content(turn, text, subject)
        subject = turn.subject or subject
        if messages[-1]["role"] == role:
            messages[-1]["content"] += "\n\n" + content
        else:
            messages.append({"role": role, "content": content})
    if messages[-1]["role"] != "user":
        messages.append(
            {
                "role": "user",
                "content": "(No new message from the customer: draft our next, short "
                "follow-up to them.)",
            }
        )
    return messages


def conversation_as_text(request: DraftRequest, budget: Budget = DEFAULT_BUDGET) -> str:
    """The conversation as one text, oldest first: who wrote, when, the subject, the words."""
    chosen, left_out = _chosen_turns(request.turns, budget)
    blocks = [f"[{left_out} earlier message(s) left out]"] if left_out else []
    subject: str | None = None
    for turn, text in chosen:
        who = "Customer" if turn.from_customer else "Us"
        header = f"{who} ({turn.author}, {turn.sent_at:%Y-%m-%d %H:%M}):"
        blocks.append(f"{header}\n{_turn_content(turn, text, subject)}")
        subject = turn.subject or subject
    return "\n\n".join(blocks)
