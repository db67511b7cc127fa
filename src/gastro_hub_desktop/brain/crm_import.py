"""Companies and contacts from a CSV exported by whatever CRM the business uses.

The user's column names are mapped once to our `CrmField`s (`guess_mapping` proposes, the
user corrects, `ColumnMapping` is saved); `read_crm_csv` then reads every export the same way.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from gastro_hub_desktop.domain.phones import DEFAULT_REGION, to_e164

DELIMITERS = ("\t", ";", ",")  # preferred in this order when the counts tie
_SAMPLE_RECORDS = 50


class CrmField(enum.StrEnum):
    """What a CSV column holds, in our words."""

    COMPANY = "company"
    CONTACT_NAME = "contact_name"  # first and last name columns both map here and are joined
    EMAIL = "email"
    PHONE = "phone"
    VIP = "vip"
    CUSTOMER_VALUE = "customer_value"  # revenue, turnover, Umsatz, obrat
    CRM_ID = "crm_id"
    NOTES = "notes"


FIELD_ALIASES = {"revenue": CrmField.CUSTOMER_VALUE, "name": CrmField.CONTACT_NAME}
"""Other words accepted for a field in a saved mapping."""

# Header names (folded: lower case, no diacritics, letters and digits only, trailing numbers
# dropped so "E-mail 2" is "email") in Czech, English and German.
_EXACT: dict[CrmField, tuple[str, ...]] = {
    CrmField.COMPANY: (
        "firma", "spolecnost", "company", "companyname", "organization", "organisation",
        "organizace", "unternehmen", "firmenname", "account", "accountname", "nazev",
        "nazevfirmy", "nazevspolecnosti", "obchodninazev", "odberatel", "zakaznik", "kunde",
        "kundenname", "customer", "customername", "business", "restaurace", "provozovna",
        "subjekt",
    ),
    CrmField.CONTACT_NAME: (
        "kontaktniosoba", "kontakt", "jmeno", "prijmeni", "jmenoaprijmeni", "celejmeno",
        "osoba", "name", "fullname", "contactname", "contact", "contactperson", "firstname",
        "lastname", "surname", "givenname", "familyname", "ansprechpartner", "ansprechperson",
        "kontaktperson", "vorname", "nachname", "vollername",
    ),
    CrmField.EMAIL: ("email", "mail", "emailadresa", "emailovaadresa", "emailaddress",
                     "emailadresse", "mailadresse"),
    CrmField.PHONE: (
        "telefon", "tel", "telefonnicislo", "cislotelefonu", "mobil", "mobilni",
        "mobilnitelefon", "phone", "phonenumber", "telephone", "mobile", "mobilephone", "cell",
        "cellphone", "telefonnummer", "handy", "handynummer", "mobiltelefon", "whatsapp",
    ),
    CrmField.VIP: ("vip", "isvip", "vipzakaznik", "vipkunde", "vipcustomer", "keyaccount",
                   "klicovyzakaznik", "premium", "stammkunde"),
    CrmField.CUSTOMER_VALUE: (
        "umsatz", "jahresumsatz", "kundenwert", "obrat", "rocniobrat", "trzby", "trzba",
        "hodnota", "hodnotazakaznika", "revenue", "annualrevenue", "turnover", "sales",
        "value", "customervalue", "lifetimevalue", "ltv",
    ),
    CrmField.CRM_ID: (
        "id", "crmid", "kundennr", "kundennummer", "kundenid", "customerid", "customerno",
        "customernumber", "accountid", "cislozakaznika", "zakaznickecislo", "idzakaznika",
        "idfirmy", "externalid", "recordid",
    ),
    CrmField.NOTES: (
        "poznamka", "poznamky", "notes", "note", "notiz", "notizen", "bemerkung", "bemerkungen",
        "anmerkung", "anmerkungen", "kommentar", "komentar", "comment", "comments",
        "description", "popis",
    ),
}  # fmt: skip
# When no exact name matches: a word inside the header, tried in this order (so "Company
# phone" is a phone and "Firmen-E-Mail" an e-mail).
_CONTAINS: tuple[tuple[CrmField, tuple[str, ...]], ...] = (
    (CrmField.EMAIL, ("email",)),
    (CrmField.PHONE, ("telefon", "phone", "mobil", "handy")),
    (CrmField.CRM_ID, ("kundennr", "kundennummer", "customerid", "crmid", "cislozak")),
    (CrmField.CUSTOMER_VALUE, ("umsatz", "obrat", "revenue", "trzb", "turnover")),
    (CrmField.VIP, ("vip",)),
    (CrmField.CONTACT_NAME, ("ansprechpartner", "kontaktniosob", "contactperson", "jmeno")),
    (CrmField.COMPANY, ("firma", "company", "spolecnost", "unternehmen")),
    (CrmField.NOTES, ("poznam", "notiz", "bemerk", "comment", "note")),
)
# Headers about an address or a registration number are none of our fields, whatever word
# they contain ("Firmenadresse", "Company address", "IČO firmy").
_NOT_OURS = ("adres", "addres", "ulice", "strasse", "street", "mesto", "stadt", "city", "psc",
             "plz", "zip", "ico", "dic", "ustid", "vatid", "datum", "date")  # fmt: skip
_MANY_COLUMNS = {CrmField.CONTACT_NAME, CrmField.EMAIL, CrmField.PHONE, CrmField.NOTES}
"""Fields several columns may feed (joined); the others take their first column."""

_TRUE = {"yes", "y", "true", "t", "1", "ano", "a", "ja", "j", "x", "✓", "✔", "vip", "wahr",
         "pravda", "on", "oui", "si"}  # fmt: skip
_FALSE = {"no", "n", "false", "f", "0", "ne", "nein", "falsch", "nepravda", "off", "-", "non"}
_CURRENCY = re.compile(
    r"kč|kc|czk|euro?|€|usd|us\$|\$|chf|gbp|£|pln|zł|huf|ft\b", re.IGNORECASE
)  # anything else around a number ("Mio", "tis.", "/měsíc") makes it no plain amount
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")


class CrmImportError(ValueError):
    """A saved mapping cannot be used; `str(exc)` says what to fix."""


@dataclass(frozen=True)
class ColumnMapping:
    """Which header of the user's export feeds which `CrmField`; saved and reused next time."""

    columns: dict[str, CrmField] = field(default_factory=dict)
    default_region: str = DEFAULT_REGION  # for phone numbers written without +country

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": {header: crm_field.value for header, crm_field in self.columns.items()},
            "default_region": self.default_region,
        }

    @classmethod
    def from_dict(cls, data: object) -> ColumnMapping:
        if not isinstance(data, Mapping):
            raise CrmImportError("The saved column mapping must be a table")
        unknown = sorted(str(k) for k in data if k not in {"columns", "default_region"})
        if unknown:
            raise CrmImportError(f"Unknown setting {unknown[0]!r} in the saved column mapping")
        columns = data.get("columns", {})
        if not isinstance(columns, Mapping):
            raise CrmImportError("The mapping's columns must be a table from header to field")
        mapped: dict[str, CrmField] = {}
        for header, value in columns.items():
            if not isinstance(header, str) or not header.strip():
                raise CrmImportError(f"Column name {header!r} is not a header name")
            mapped[header] = parse_field(value, header)
        region = data.get("default_region", DEFAULT_REGION)
        if not isinstance(region, str) or not re.fullmatch(r"[A-Za-z]{2}", region):
            raise CrmImportError(
                f"Default phone region {region!r} is not a two-letter country code such as CZ"
            )
        return cls(mapped, region.upper())


def parse_field(value: object, header: str = "") -> CrmField:
    """`value` as a CrmField ("company", "revenue", …); CrmImportError names the choices."""
    if isinstance(value, CrmField):
        return value
    if isinstance(value, str):
        key = value.strip().casefold()
        if key in FIELD_ALIASES:
            return FIELD_ALIASES[key]
        try:
            return CrmField(key)
        except ValueError:
            pass
    choices = ", ".join(f.value for f in CrmField)
    where = f" for column {header!r}" if header else ""
    raise CrmImportError(f"Unknown field {value!r}{where} (choose from {choices})")


@dataclass(frozen=True)
class CrmRecord:
    """One usable row: a company and/or a person with how to reach them."""

    company: str | None
    name: str | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]  # E.164
    vip: bool | None
    value: float | None
    crm_id: str | None
    notes: str | None
    line: int = 0  # where the row starts in the file (the header is line 1)


@dataclass
class CrmImport:
    """What one CSV gave: records, and `(line, text)` for what could not be used."""

    records: list[CrmRecord] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    headers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CsvLayout:
    """How a file is written: what `read_headers` finds for the mapping dialog."""

    encoding: str
    delimiter: str
    headers: list[str]


# --- mapping ---------------------------------------------------------------------------------


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", plain)


def _guess_one(header: str) -> CrmField | None:
    folded = _fold(header)
    stripped = folded.rstrip("0123456789") or folded
    for candidate in (folded, stripped):
        for crm_field, names in _EXACT.items():
            if candidate in names:
                return crm_field
    not_ours = any(word in folded for word in _NOT_OURS)
    for crm_field, words in _CONTAINS:
        if not_ours and crm_field not in (CrmField.EMAIL, CrmField.PHONE):
            return None  # "E-Mail-Adresse privat" is an e-mail, "Firmenadresse" nothing
        if any(word in folded for word in words):
            return crm_field
    return None


def guess_mapping(headers: Iterable[str]) -> dict[str, CrmField]:
    """Propose a field for each header it recognises (Czech, English, German names).

    Headers it does not recognise are left out. A field that takes one column (company,
    VIP, value, CRM id) goes to the first header that fits; names, e-mails, phones and notes
    may take several.
    """
    mapping: dict[str, CrmField] = {}
    taken: set[CrmField] = set()
    for header in headers:
        if not header or not header.strip() or header in mapping:
            continue
        guess = _guess_one(header)
        if guess is None or (guess in taken and guess not in _MANY_COLUMNS):
            continue
        mapping[header] = guess
        taken.add(guess)
    return mapping


# --- reading the file ------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding that read it: UTF-8 (with or without BOM), UTF-16 with a BOM
    (Excel's "Unicode text"), cp1250 (Czech Excel), then latin-1, which reads anything."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    for encoding in ("utf-8", "cp1250"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


@dataclass(frozen=True)
class _Record:
    start: int  # line the record starts on (1-based)
    end: int  # line it ends on; quoted newlines make it later than `start`
    cells: list[str]
    error: str | None = None


def _lines(text: str) -> list[str]:
    """Physical lines split the way the csv module counts them (\n, \r\n or \r)."""
    return io.StringIO(text, newline="").readlines()


def _records(lines: list[str], delimiter: str, begin: int = 0) -> Iterator[_Record]:
    """The records from `lines[begin:]`; quoted newlines stay inside their field."""
    reader = csv.reader(iter(lines[begin:]), delimiter=delimiter, strict=False)
    start = begin + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field over the csv module's size limit
            yield _Record(start, begin + reader.line_num, [], str(exc))
        else:
            yield _Record(start, begin + reader.line_num, cells)
        start = begin + reader.line_num + 1


def _sniff_delimiter(lines: list[str]) -> str:
    """The separator that splits the first records into the most equal rows."""
    best: tuple[int, int, int] | None = None
    chosen = ","
    first_line = lines[0] if lines else ""
    for rank, delimiter in enumerate(DELIMITERS):
        if delimiter not in first_line:
            continue
        rows = [r.cells for r in islice(_records(lines, delimiter), _SAMPLE_RECORDS) if r.cells]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        agreeing = sum(1 for row in rows if len(row) == width)
        score = (agreeing, width, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def _load(path: str | os.PathLike[str]) -> tuple[list[str], str, str]:
    with open(path, "rb") as f:
        data = f.read()
    text, encoding = _decode(data)
    lines = _lines(text.replace("\x00", ""))
    return lines, encoding, _sniff_delimiter(lines)


def _runaway_quote(lines: list[str], record: _Record, delimiter: str) -> bool:
    """Whether a record spanning lines got there through a quote that was never closed where
    it should be (a real multi-line value in quotes reads the same when strict)."""
    if record.end <= record.start:
        return False
    raw = lines[record.start - 1 : record.end]
    try:
        list(csv.reader(iter(raw), delimiter=delimiter, strict=True))
    except csv.Error:
        return True
    return False


def read_headers(path: str | os.PathLike[str]) -> CsvLayout:
    """The file's encoding, separator and header names, for `guess_mapping` and the dialog."""
    lines, encoding, delimiter = _load(path)
    header = _header(lines, delimiter)
    return CsvLayout(encoding, delimiter, header.cells if header else [])


def _header(lines: list[str], delimiter: str) -> _Record | None:
    for record in _records(lines, delimiter):
        if any(cell.strip() for cell in record.cells):
            return _Record(record.start, record.end, [cell.strip() for cell in record.cells])
    return None


def read_crm_csv(
    path: str | os.PathLike[str], mapping: ColumnMapping | Mapping[str, CrmField | str]
) -> CrmImport:
    """Read every row of the export at `path` with the user's `mapping`.

    A row that cannot be used is skipped and listed in `problems` with its line number; a
    single bad value (a phone that is no phone number, a revenue that is no number) is left
    out of its row, which is still imported, and listed too. Never raises for the content;
    an unreadable file raises OSError.
    """
    if not isinstance(mapping, ColumnMapping):
        mapping = ColumnMapping({h: parse_field(f, h) for h, f in mapping.items()})
    lines, encoding, delimiter = _load(path)
    result = CrmImport(encoding=encoding, delimiter=delimiter)
    header = _header(lines, delimiter)
    if header is None:
        result.problems.append((1, "The file is empty: there is no header row"))
        return result
    headers = result.headers = header.cells
    columns = _columns(headers, mapping, header.start, result.problems)
    if not columns:
        result.problems.append(
            (header.start, "None of the mapped columns is in this file; check the column mapping")
        )
        return result
    begin: int | None = header.end
    while begin is not None:
        records, begin = _records(lines, delimiter, begin), None
        for record in records:
            if record.error is not None or _runaway_quote(lines, record, delimiter):
                # Report the row and read on from the line after its start, so one stray
                # quote does not take the rest of the file with it.
                why = (
                    f"the row cannot be read ({record.error})"
                    if record.error is not None
                    else f'a quote (") opened on this line is not closed and ran on to line '
                    f"{record.end}"
                )
                result.problems.append((record.start, f"Skipped: {why}"))
                begin = record.start  # the index of the line after `start`
                break
            row = record.cells
            if not any(cell.strip() for cell in row):
                continue  # blank lines and Excel's trailing ";;;;" rows
            extra = [cell for cell in row[len(headers) :] if cell.strip()]
            if extra:
                result.problems.append(
                    (
                        record.start,
                        f"Skipped: the row has {len(row)} values but the header has "
                        f"{len(headers)} columns (a {_delimiter_name(delimiter)} inside a "
                        "value without quotes?)",
                    )
                )
                continue
            found = _record(record.start, row, columns, mapping.default_region, result.problems)
            if found is not None:
                result.records.append(found)
    return result


def _columns(
    headers: list[str],
    mapping: ColumnMapping,
    header_line: int,
    problems: list[tuple[int, str]],
) -> list[tuple[int, CrmField]]:
    """(column index, field) for the mapped headers found in the file, in file order."""
    by_exact: dict[str, list[int]] = {}
    by_loose: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        by_exact.setdefault(header, []).append(index)
        by_loose.setdefault(" ".join(header.casefold().split()), []).append(index)
    found: list[tuple[int, CrmField]] = []
    for header, crm_field in mapping.columns.items():
        indexes = by_exact.get(header.strip()) or by_loose.get(" ".join(header.casefold().split()))
        if not indexes:
            problems.append(
                (
                    header_line,
                    f"Column {header!r} ({crm_field.value}) from the mapping is not in this "
                    "file; that field stays empty",
                )
            )
            continue
        found.extend((index, crm_field) for index in indexes)
    return sorted(set(found))


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "tab", ";": "semicolon", ",": "comma"}.get(delimiter, repr(delimiter))


def _clean(cell: str) -> str:
    cell = cell.strip()
    excel = re.fullmatch(r'="(.*)"', cell, flags=re.DOTALL)  # Excel's way to keep leading zeros
    return (excel.group(1) if excel else cell).strip()


def _record(
    line: int,
    row: list[str],
    columns: list[tuple[int, CrmField]],
    region: str,
    problems: list[tuple[int, str]],
) -> CrmRecord | None:
    values: dict[CrmField, list[str]] = {}
    for index, crm_field in columns:
        cell = _clean(row[index]) if index < len(row) else ""
        if cell:
            values.setdefault(crm_field, []).append(cell)

    def single(crm_field: CrmField) -> str | None:
        found = values.get(crm_field)
        return " ".join(found[0].split()) if found else None

    company = single(CrmField.COMPANY)
    names = values.get(CrmField.CONTACT_NAME, [])
    name = " ".join(" ".join(names).split()) or None
    emails = _emails(values.get(CrmField.EMAIL, []), line, problems)
    phones = _phones(values.get(CrmField.PHONE, []), region, line, problems)
    if not (company or name or emails or phones):
        problems.append((line, "Skipped: the row has no company, name, e-mail or phone"))
        return None
    vip = None
    if raw_vip := single(CrmField.VIP):
        vip = parse_yes_no(raw_vip)
        if vip is None:
            problems.append((line, f"VIP {raw_vip!r} is not yes or no; imported without it"))
    value = None
    if raw_value := single(CrmField.CUSTOMER_VALUE):
        value = parse_amount(raw_value)
        if value is None:
            problems.append((line, f"Value {raw_value!r} is not a number; imported without it"))
    notes = "\n".join(values.get(CrmField.NOTES, [])) or None
    return CrmRecord(
        company, name, emails, phones, vip, value, single(CrmField.CRM_ID), notes, line
    )


_PLACEHOLDER = re.compile(r"[-–—?]+|n/?a|null|none|nem[aá]|keine?|ž[aá]dn[yýé]", re.IGNORECASE)
"""What people write in a cell that has no value."""


def _emails(cells: list[str], line: int, problems: list[tuple[int, str]]) -> tuple[str, ...]:
    found: list[str] = []
    for cell in cells:
        if _PLACEHOLDER.fullmatch(cell):
            continue
        in_cell = []
        for token in re.split(r"[\s,;]+", cell):
            token = token.strip("<>()[]\"'").rstrip(".").removeprefix("mailto:").lower()
            if _EMAIL.fullmatch(token):
                in_cell.append(token)
            elif "@" in token:
                problems.append((line, f"E-mail {token!r} is not an e-mail address; left out"))
        if not in_cell and not any("@" in token for token in cell.split()):
            problems.append((line, f"E-mail {cell!r} is not an e-mail address; left out"))
        found.extend(e for e in in_cell if e not in found)
    return tuple(found)


def _phones(
    cells: list[str], region: str, line: int, problems: list[tuple[int, str]]
) -> tuple[str, ...]:
    found: list[str] = []
    for cell in cells:
        for part in re.split(r"[,;\n]+", cell):
            part = part.strip()
            if not part or _PLACEHOLDER.fullmatch(part):
                continue
            number = to_e164(part, region)
            digits = re.sub(r"[\s\-./()]", "", part)
            if number is None and digits.isdigit() and len(digits) >= 11:
                number = to_e164("+" + digits, region)  # "420602123456": a lost "+"
            if number is None:
                problems.append((line, f"Phone {part!r} is not a phone number; left out"))
            elif number not in found:
                found.append(number)
    return tuple(found)


def parse_yes_no(text: str) -> bool | None:
    """yes/no/1/0/true/ano/ne/ja/nein/x … as a bool; None when it is neither."""
    word = text.strip().casefold().rstrip(".")
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def parse_amount(text: str) -> float | None:
    """A number as people write money in Czech, German or English, or None.

    "1 234 567,50 Kč", "1.234,50 €", "1,234.50", "CZK 12 000,-", "12'500" all read. With a
    single separator, exactly three digits after it make it a thousands separator
    ("1.500 €" is 1500); otherwise it is the decimal point ("0,125", "12,5").
    """
    cleaned = _CURRENCY.sub("", text.strip().replace("\u2212", "-"))
    cleaned = re.sub(r"[\s'’]", "", cleaned)  # spaces (also no-break ones) and 12'500
    cleaned = re.sub(r"[.,]-+$", "", cleaned)  # "1 234,-" is a whole amount
    if not re.fullmatch(r"[\-+]?[\d.,]*\d[\d.,]*", cleaned):
        return None
    sign = -1.0 if cleaned.startswith("-") else 1.0
    digits = cleaned.lstrip("+-")
    if "." in digits and "," in digits:
        decimal = "." if digits.rfind(".") > digits.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if digits.count(decimal) > 1:
            return None
        digits = digits.replace(thousands, "").replace(decimal, ".")
    elif "." in digits or "," in digits:
        separator = "." if "." in digits else ","
        whole, _, fraction = digits.rpartition(separator)
        if digits.count(separator) > 1:
            groups = digits.split(separator)
            if any(len(g) != 3 for g in groups[1:]) or not groups[0]:
                return None
            digits = digits.replace(separator, "")
        elif len(fraction) == 3 and whole not in ("", "0"):
            digits = whole + fraction
        else:
            digits = f"{whole or '0'}.{fraction}"
    try:
        return sign * float(digits)
    except ValueError:
        return None


__all__ = [
    "ColumnMapping",
    "CrmField",
    "CrmImport",
    "CrmImportError",
    "CrmRecord",
    "CsvLayout",
    "guess_mapping",
    "parse_amount",
    "parse_yes_no",
    "read_crm_csv",
    "read_headers",
]
