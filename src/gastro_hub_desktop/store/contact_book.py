"""One customer, one contact: the CRM import (companies and people matched to the contacts the
channels made, by email and E.164 phone), proposals to merge contacts that are the same person
or company (a CRM record joining them, the same CRM id, the same name at the same company),
and merge / unmerge that moves handles and conversations and can be undone exactly."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from gastro_hub_desktop.store.repository import NotFound, Store
from gastro_hub_desktop.store.schema import (
    AuditEntry,
    Contact,
    ContactHandle,
    Conversation,
    utcnow,
)

_contacts = Contact.__table__
_handles = ContactHandle.__table__
_conversations = Conversation.__table__
_audit = AuditEntry.__table__
CRM_LINKS = "crm.links"  # app setting: CRM id → contact ids its record touched


@dataclass(frozen=True)
class CrmRow:
    """What the store needs of one CRM record (see brain.crm_import.CrmRecord)."""

    company: str | None
    name: str | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    vip: bool | None
    value: float | None
    crm_id: str | None


@dataclass(frozen=True)
class CrmImportOutcome:
    matched: int  # records that found a contact the channels had made
    created: int  # records that became new contacts (their messages will join them)
    proposals: int  # records that touched more than one contact: a merge is proposed


@dataclass(frozen=True)
class MergeProposal:
    contact_ids: tuple[int, ...]
    names: tuple[str, ...]
    reason: str


def _fold(text: str | None) -> str:
    plain = unicodedata.normalize("NFKD", (text or "").casefold())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())


class ContactBook:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------ CRM import

    def import_crm(self, rows: Sequence[CrmRow], actor: str = "user") -> CrmImportOutcome:
        """Match each record to contacts by its emails and phones; update them with the
        company, the CRM's VIP mark and value; create a contact when none matches. All in
        one transaction: a failure leaves the contacts as they were."""
        matched = created = proposals = 0
        links: dict[str, list[int]] = {}
        with self.store._write() as conn:
            for row in rows:
                handles = [("email", e.lower()) for e in row.emails] + [
                    ("phone", p) for p in row.phones
                ]
                owners = self._owners(conn, handles)
                if owners:
                    matched += 1
                    for contact_id in owners:
                        self._apply(conn, contact_id, row)
                    if len(set(owners)) > 1:
                        proposals += 1
                    target = owners[0]
                else:
                    created += 1
                    target = conn.execute(
                        insert(_contacts).returning(_contacts.c.id),
                        {
                            "display_name": row.name or row.company or handles[0][1],
                            "company": row.company,
                            "vip_score": 0.0,
                            "is_vip": bool(row.vip),
                            "crm_id": row.crm_id,
                            "crm_vip": row.vip,
                            "crm_value": row.value,
                            "created_at": utcnow(),
                        },
                    ).scalar_one()
                    owners = [target]
                for kind, value in handles:
                    if not self._owners(conn, [(kind, value)]):
                        conn.execute(
                            insert(_handles), {"contact_id": target, "kind": kind, "value": value}
                        )
                if len(set(owners)) > 1 or row.crm_id:
                    # what joins these contacts: the CRM's id, or the record's name and company
                    key = row.crm_id or " · ".join(x for x in (row.name, row.company) if x)
                    links[key] = sorted(set(links.get(key, [])) | set(owners))
            self.store._audit(
                conn,
                actor,
                "crm.import",
                None,
                None,
                {"records": len(rows), "matched": matched, "created": created},
            )
        if links:
            from gastro_hub_desktop.store.settings import AppSettings

            settings = AppSettings(self.store)
            saved: dict[str, list[int]] = settings.get(CRM_LINKS, {}) or {}
            for crm_id, ids in links.items():
                saved[crm_id] = sorted(set(saved.get(crm_id, [])) | set(ids))
            settings.put(CRM_LINKS, saved, actor=actor)
        return CrmImportOutcome(matched, created, proposals)

    def _owners(self, conn: Connection, handles: list[tuple[str, str]]) -> list[int]:
        found: list[int] = []
        for kind, value in handles:
            owner = conn.execute(
                select(_handles.c.contact_id).where(
                    _handles.c.kind == kind, _handles.c.value == value
                )
            ).scalar()
            if owner is not None and owner not in found:
                found.append(self._current(conn, owner))
        return list(dict.fromkeys(found))

    def _current(self, conn: Connection, contact_id: int) -> int:
        """A merged contact's survivor."""
        seen = set()
        while contact_id not in seen:
            seen.add(contact_id)
            into = conn.execute(
                select(_contacts.c.merged_into).where(_contacts.c.id == contact_id)
            ).scalar()
            if into is None:
                return contact_id
            contact_id = into
        return contact_id

    def _apply(self, conn: Connection, contact_id: int, row: CrmRow) -> None:
        values: dict[str, Any] = {"crm_vip": row.vip, "crm_value": row.value}
        if row.company:
            values["company"] = row.company
        if row.crm_id:
            values["crm_id"] = row.crm_id
        conn.execute(update(_contacts).where(_contacts.c.id == contact_id).values(**values))

    # ------------------------------------------------------------ proposals

    def merge_proposals(self) -> list[MergeProposal]:
        """Contacts that look like one customer, with why; each group once."""
        from gastro_hub_desktop.store.settings import AppSettings

        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(
                    _contacts.c.id,
                    _contacts.c.display_name,
                    _contacts.c.company,
                    _contacts.c.crm_id,
                ).where(_contacts.c.merged_into.is_(None))
            ).all()
        live = {r.id: r for r in rows}
        groups: dict[frozenset[int], str] = {}
        by_crm: dict[str, set[int]] = defaultdict(set)
        for r in rows:
            if r.crm_id:
                by_crm[r.crm_id].add(r.id)
        links: dict[str, list[int]] = AppSettings(self.store).get(CRM_LINKS, {}) or {}
        for crm_id, ids in links.items():
            by_crm[crm_id] |= {i for i in ids if i in live}
        for crm_id, ids in by_crm.items():
            if len(ids) > 1:
                groups[frozenset(ids)] = f"one CRM record lists them all ({crm_id})"
        by_person: dict[tuple[str, str], set[int]] = defaultdict(set)
        for r in rows:
            if r.company and r.display_name and _fold(r.display_name) != _fold(r.company):
                by_person[(_fold(r.display_name), _fold(r.company))].add(r.id)
        for ids in by_person.values():
            key = frozenset(ids)
            if len(ids) > 1 and not any(key <= g for g in groups):
                groups[key] = f"the same name ({live[min(ids)].display_name}) at the same company"
        return [
            MergeProposal(
                tuple(sorted(ids)), tuple(live[i].display_name for i in sorted(ids)), reason
            )
            for ids, reason in sorted(groups.items(), key=lambda kv: min(kv[0]))
        ]

    # ------------------------------------------------------------ merge and unmerge

    def merge(self, keep: int, other: int, actor: str = "user") -> int:
        """Move `other`'s handles and conversations to `keep` (its history follows); returns
        the audit entry that `unmerge` undoes."""
        if keep == other:
            raise ValueError("a contact cannot be merged with itself")
        with self.store._write() as conn:
            for contact_id in (keep, other):
                merged = conn.execute(
                    select(_contacts.c.id, _contacts.c.merged_into).where(
                        _contacts.c.id == contact_id
                    )
                ).one_or_none()
                if merged is None:
                    raise NotFound(f"contact {contact_id} does not exist")
                if merged.merged_into is not None:
                    raise NotFound(f"contact {contact_id} was already merged into another")
            handle_ids = list(
                conn.execute(select(_handles.c.id).where(_handles.c.contact_id == other)).scalars()
            )
            conversation_ids = list(
                conn.execute(
                    select(_conversations.c.id).where(_conversations.c.contact_id == other)
                ).scalars()
            )
            conn.execute(
                update(_handles).where(_handles.c.contact_id == other).values(contact_id=keep)
            )
            conn.execute(
                update(_conversations)
                .where(_conversations.c.contact_id == other)
                .values(contact_id=keep)
            )
            conn.execute(update(_contacts).where(_contacts.c.id == other).values(merged_into=keep))
            conn.execute(
                insert(_audit),
                {
                    "at": utcnow(),
                    "actor": actor,
                    "action": "contact.merge",
                    "subject_type": "contact",
                    "subject_id": keep,
                    "detail": {
                        "other": other,
                        "handles": handle_ids,
                        "conversations": conversation_ids,
                    },
                },
            )
            return int(
                conn.execute(
                    select(_audit.c.id)
                    .where(_audit.c.action == "contact.merge", _audit.c.subject_id == keep)
                    .order_by(_audit.c.id.desc())
                    .limit(1)
                ).scalar_one()
            )

    def merges(self) -> list[tuple[int, int, int]]:
        """Merges that can still be undone: (audit id, kept contact, merged contact)."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(_audit.c.id, _audit.c.subject_id, _audit.c.detail)
                .where(_audit.c.action == "contact.merge")
                .order_by(_audit.c.id.desc())
            ).all()
            undone = set(
                conn.execute(
                    select(_audit.c.subject_id).where(_audit.c.action == "contact.unmerge")
                ).scalars()
            )
        return [(r.id, r.subject_id, r.detail["other"]) for r in rows if r.id not in undone]

    def unmerge(self, merge_id: int, actor: str = "user") -> None:
        """Undo a merge exactly: the handles and conversations that moved go back."""
        with self.store._write() as conn:
            row = conn.execute(
                select(_audit.c.subject_id, _audit.c.detail).where(
                    _audit.c.id == merge_id, _audit.c.action == "contact.merge"
                )
            ).one_or_none()
            if row is None:
                raise NotFound(f"merge {merge_id} does not exist")
            done = conn.execute(
                select(_audit.c.id).where(
                    _audit.c.action == "contact.unmerge", _audit.c.subject_id == merge_id
                )
            ).first()
            if done is not None:
                raise NotFound(f"merge {merge_id} was already undone")
            other = row.detail["other"]
            if row.detail["handles"]:
                conn.execute(
                    update(_handles)
                    .where(_handles.c.id.in_(row.detail["handles"]))
                    .values(contact_id=other)
                )
            if row.detail["conversations"]:
                conn.execute(
                    update(_conversations)
                    .where(_conversations.c.id.in_(row.detail["conversations"]))
                    .values(contact_id=other)
                )
            conn.execute(update(_contacts).where(_contacts.c.id == other).values(merged_into=None))
            self.store._audit(conn, actor, "contact.unmerge", "merge", merge_id, {"other": other})
