"""CRM exports as businesses really have them: Czech Excel (UTF-8 with BOM or cp1250, `;`),
English tools (`,`), German ones (tabs, 1.234,50 €); the column mapping guessed and saved; a
bad row reported with its line number while the rest still comes in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gastro_hub_desktop.brain.crm_import import (
    ColumnMapping,
    CrmField,
    CrmImport,
    CrmImportError,
    guess_mapping,
    parse_amount,
    parse_yes_no,
    read_crm_csv,
    read_headers,
)

CZECH_HEADERS = "Firma;Kontaktní osoba;E-mail;Telefon;VIP;Obrat;Poznámka"


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def import_guessed(path: Path, region: str = "CZ") -> CrmImport:
    layout = read_headers(path)
    return read_crm_csv(path, ColumnMapping(guess_mapping(layout.headers), region))


def test_czech_excel_export_utf8_bom_semicolons(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{CZECH_HEADERS}\r\n"
        "Bistro U Nováků;Jan Novák;Jan.Novak@Bistro.CZ;602 123 456;ano;1 234 567,50 Kč;"
        '"Objednává v pondělí\r\nvolat po 10:00; ne dřív"\r\n'
        "Kavárna Slavia;Eva Dvořáková;eva@slavia.cz, objednavky@slavia.cz;+420 777 123 456;ne;"
        "12 000,-;\r\n"
        "Hospůdka Na Rohu;;;00421 905 123 456;;;\r\n",
        encoding="utf-8-sig",
    )

    result = import_guessed(path)

    assert (result.encoding, result.delimiter) == ("utf-8-sig", ";")
    assert result.headers[0] == "Firma"  # no BOM stuck to the first header
    assert result.problems == []
    bistro, slavia, rohu = result.records
    assert bistro.company == "Bistro U Nováků"
    assert bistro.name == "Jan Novák"
    assert bistro.emails == ("jan.novak@bistro.cz",)
    assert bistro.phones == ("+420602123456",)
    assert bistro.vip is True
    assert bistro.value == 1234567.50
    assert bistro.notes == "Objednává v pondělí\r\nvolat po 10:00; ne dřív"
    assert bistro.line == 2
    assert slavia.emails == ("eva@slavia.cz", "objednavky@slavia.cz")
    assert (slavia.vip, slavia.value, slavia.line) == (False, 12000.0, 4)  # the note took 2 lines
    assert (rohu.phones, rohu.vip, rohu.value, rohu.name) == (("+421905123456",), None, None, None)


def test_cp1250_export_with_diacritics(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Společnost;Jméno;Příjmení;Mobil;Zákazník VIP;Obrat Kč\n"
        "Hospůdka U Čápa;Jiří;Žák;736 123 456;Ano;850 000\n"
        "Řeznictví Šťastný;Růžena;Ďurišová;608 111 222;NE;99,90\n",
        encoding="cp1250",
    )

    result = import_guessed(path)

    assert result.encoding == "cp1250"
    assert result.problems == []
    assert [r.company for r in result.records] == ["Hospůdka U Čápa", "Řeznictví Šťastný"]
    assert [r.name for r in result.records] == ["Jiří Žák", "Růžena Ďurišová"]
    assert [r.vip for r in result.records] == [True, False]
    assert [r.value for r in result.records] == [850000.0, 99.90]
    assert result.records[0].phones == ("+420736123456",)


def test_english_export_with_commas(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Company Name,Contact Name,Email Address,Phone,VIP,Annual Revenue,Customer ID,Notes\r\n"
        'Pizza Roma s.r.o.,Marco Rossi,marco@pizzaroma.cz,"+420 602 555 666, +39 06 1234 5678",'
        'TRUE,"$1,234,567.89",="00123","Likes ""fast"" delivery,\nprefers email"\r\n'
        'Sushi Bar,Ken Sato,Ken Sato <KEN@sushibar.cz>,420777888999,no,"2,500.00",A-17,\r\n',
    )

    result = import_guessed(path)

    assert result.delimiter == ","
    assert result.problems == []
    roma, sushi = result.records
    assert roma.phones == ("+420602555666", "+390612345678")
    assert roma.vip is True
    assert roma.value == 1234567.89
    assert roma.crm_id == "00123"  # Excel's ="00123" keeps the leading zeros
    assert roma.notes == 'Likes "fast" delivery,\nprefers email'
    assert sushi.emails == ("ken@sushibar.cz",)
    assert sushi.phones == ("+420777888999",)  # the lost "+" is put back
    assert (sushi.vip, sushi.value, sushi.crm_id, sushi.line) == (False, 2500.0, "A-17", 4)


def test_german_export_with_tabs_and_german_numbers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Firma\tAnsprechpartner\tE-Mail\tHandy\tVIP-Kunde\tUmsatz\tKunden-Nr.\tBemerkung\n"
        "Gasthaus Zur Post GmbH\tKarl Huber\tk.huber@zurpost.de\t0171 2345678\tja\t1.234,50 €\t"
        "K-1001\tStammgast\n"
        "Café Müller\tJürgen Weiß\tinfo@cafe-mueller.de\t+49 89 1234567\tnein\t12.500 €\tK-1002\t\n",
        encoding="cp1252",
    )

    result = import_guessed(path, region="DE")

    assert result.delimiter == "\t"
    assert result.problems == []
    post, cafe = result.records
    assert post.phones == ("+491712345678",)  # national number read with region DE
    assert (post.vip, post.value, post.crm_id, post.notes) == (True, 1234.50, "K-1001", "Stammgast")
    assert cafe.company == "Café Müller" and cafe.name == "Jürgen Weiß"
    assert (cafe.vip, cafe.value) == (False, 12500.0)


def test_a_broken_row_is_reported_with_its_line_and_the_rest_imported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{CZECH_HEADERS}\n"
        "Bistro A;Anna;anna@a.cz;602 000 001;ano;1 000;\n"  # line 2
        "Bistro B; s.r.o.;Bára;bara@b.cz;602 000 002;ne;2 000;poznámka\n"  # 3: one value too many
        "Bistro C;Cyril;cyril@c.cz;123;možná;hodně;\n"  # 4: bad phone, VIP and value, still in
        ";;;;ano;5 000;jen poznámka\n"  # 5: no one to contact
        ";;;;;;\n"  # 6: Excel's empty row: silently skipped
        '"Bistro D;Dan;dan@d.cz;602 000 004;;;\n'  # 7: a quote that never closes
        'Bistro "E";Ema;ema@e.cz;602 000 005;;;\n'  # 8: a quote inside a value is a quote
        "Bistro F;Filip;filip@f.cz;-;;;\n",  # 9: "-" is an empty phone, not a problem
    )

    result = import_guessed(path)

    assert [(r.company, r.line) for r in result.records] == [
        ("Bistro A", 2),
        ("Bistro C", 4),
        ('Bistro "E"', 8),
        ("Bistro F", 9),
    ]
    lines = [line for line, _ in result.problems]
    assert lines == [3, 4, 4, 4, 5, 7]
    text = dict(result.problems)
    assert "8 values but the header has 7 columns" in result.problems[0][1]
    assert "semicolon inside a value" in result.problems[0][1]
    assert "Phone '123' is not a phone number" in result.problems[1][1]
    assert "VIP 'možná' is not yes or no" in result.problems[2][1]
    assert "Value 'hodně' is not a number" in result.problems[3][1]
    assert "no company, name, e-mail or phone" in text[5]
    assert "quote" in text[7] and "not closed" in text[7]
    bistro_c = result.records[1]
    assert (bistro_c.phones, bistro_c.vip, bistro_c.value) == ((), None, None)
    assert bistro_c.emails == ("cyril@c.cz",)


def test_a_stray_quote_does_not_swallow_the_rows_after_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Firma;Kontaktní osoba;E-mail;Poznámka\n"
        '"Bistro A;Anna;anna@a.cz;\n'  # the quote runs on to the next quoted value
        'Bistro B;Bára;bara@b.cz;"dodávky; jen ráno"\n'
        'Bistro C;Cyril;cyril@c.cz;"dva\nřádky"\n'
        "Bistro D;Dan;dan@d.cz;\n",
    )

    result = import_guessed(path)

    assert [(r.company, r.line) for r in result.records] == [
        ("Bistro B", 3),
        ("Bistro C", 4),
        ("Bistro D", 6),
    ]
    assert result.records[0].notes == "dodávky; jen ráno"
    assert result.records[1].notes == "dva\nřádky"
    assert [line for line, _ in result.problems] == [2]


def test_a_bad_email_is_left_out_and_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Company,Email\nA,jan.novak(at)firma.cz\nB,petr@@firma\nC,n/a\n",
    )

    result = import_guessed(path)

    assert [(r.company, r.emails) for r in result.records] == [("A", ()), ("B", ()), ("C", ())]
    assert [line for line, _ in result.problems] == [2, 3]
    assert "is not an e-mail address" in result.problems[0][1]


def test_a_saved_mapping_is_used_by_header_name_and_missing_columns_reported(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "Telefon;Název\n602 123 456;Pekárna\n", encoding="cp1250")
    mapping = {"název": "company", "Telefon": "phone", "E-mail": "email"}

    result = read_crm_csv(path, mapping)

    assert [(r.company, r.phones) for r in result.records] == [("Pekárna", ("+420602123456",))]
    assert result.problems == [
        (1, "Column 'E-mail' (email) from the mapping is not in this file; that field stays empty")
    ]


def test_nothing_mapped_or_nothing_in_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "Foo;Bar\n1;2\n")
    result = read_crm_csv(path, ColumnMapping({"Firma": CrmField.COMPANY}))
    assert result.records == []
    assert "None of the mapped columns is in this file" in result.problems[-1][1]

    empty = read_crm_csv(write(tmp_path, "\n\n", name="empty.csv"), {"Firma": "company"})
    assert empty.problems == [(1, "The file is empty: there is no header row")]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Firma;Obrat\nČápová;1\n".encode(), "utf-8"),
        ("Firma;Obrat\nČápová;1\n".encode("utf-8-sig"), "utf-8-sig"),
        ("Firma;Obrat\nČápová;1\n".encode("cp1250"), "cp1250"),
        ("Firma\tObrat\nČápová\t1\n".encode("utf-16"), "utf-16"),  # Excel's "Unicode text"
        (b"Firma;Obrat\n\x81\x83 Bar;1\n", "latin-1"),  # bytes cp1250 does not have
    ],
)
def test_encoding_is_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    layout = read_headers(path)
    assert (layout.encoding, layout.headers) == (encoding, ["Firma", "Obrat"])
    if encoding != "latin-1":
        assert read_crm_csv(path, {"Firma": "company"}).records[0].company == "Čápová"


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Firma;Obrat, Kč;Telefon\nA;1 234,50;602123456\nB;2,5;602123457\n", ";"),
        ('Company,Revenue\nA,"1,234.50"\nB,"2;5"\n', ","),
        ("Firma\tObrat\nA\t1,5\nB\t2;5\n", "\t"),
        ("Firma\n A\n", ","),
    ],
)
def test_delimiter_is_detected(tmp_path: Path, text: str, delimiter: str) -> None:
    assert read_headers(write(tmp_path, text)).delimiter == delimiter


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Firma", CrmField.COMPANY),
        ("Společnost", CrmField.COMPANY),
        ("Company", CrmField.COMPANY),
        ("Account Name", CrmField.COMPANY),
        ("Unternehmen", CrmField.COMPANY),
        ("Kontaktní osoba", CrmField.CONTACT_NAME),
        ("Ansprechpartner", CrmField.CONTACT_NAME),
        ("Contact Name", CrmField.CONTACT_NAME),
        ("Jméno", CrmField.CONTACT_NAME),
        ("Nachname", CrmField.CONTACT_NAME),
        ("E-mail", CrmField.EMAIL),
        ("E-Mail-Adresse", CrmField.EMAIL),
        ("Email 2", CrmField.EMAIL),
        ("Firmen-E-Mail", CrmField.EMAIL),
        ("Telefon", CrmField.PHONE),
        ("Tel.", CrmField.PHONE),
        ("Mobil", CrmField.PHONE),
        ("Handy", CrmField.PHONE),
        ("Mobile Phone", CrmField.PHONE),
        ("Company phone", CrmField.PHONE),
        ("VIP", CrmField.VIP),
        ("VIP zákazník", CrmField.VIP),
        ("Umsatz", CrmField.CUSTOMER_VALUE),
        ("Umsatz (EUR)", CrmField.CUSTOMER_VALUE),
        ("Obrat", CrmField.CUSTOMER_VALUE),
        ("Obrat 2024", CrmField.CUSTOMER_VALUE),
        ("Tržby", CrmField.CUSTOMER_VALUE),
        ("Revenue", CrmField.CUSTOMER_VALUE),
        ("Kunden-Nr.", CrmField.CRM_ID),
        ("Customer ID", CrmField.CRM_ID),
        ("ID", CrmField.CRM_ID),
        ("Číslo zákazníka", CrmField.CRM_ID),
        ("Poznámka", CrmField.NOTES),
        ("Bemerkung", CrmField.NOTES),
        ("Notes", CrmField.NOTES),
    ],
)
def test_header_names_are_guessed(header: str, field: CrmField) -> None:
    assert guess_mapping([header]) == {header: field}


def test_guess_leaves_unknown_headers_out_and_takes_single_fields_once() -> None:
    headers = [
        "Firmenadresse",
        "Firma",
        "IČO",
        "Company",
        "Jméno",
        "Příjmení",
        "Telefon",
        "Mobil",
        "",
        "Datum",
        "E-Mail-Adresse privat",
    ]
    assert guess_mapping(headers) == {
        "E-Mail-Adresse privat": CrmField.EMAIL,
        "Firma": CrmField.COMPANY,
        "Jméno": CrmField.CONTACT_NAME,
        "Příjmení": CrmField.CONTACT_NAME,
        "Telefon": CrmField.PHONE,
        "Mobil": CrmField.PHONE,
    }


def test_the_mapping_round_trips_through_json() -> None:
    mapping = ColumnMapping(
        {"Firma": CrmField.COMPANY, "Umsatz": CrmField.CUSTOMER_VALUE, "Handy": CrmField.PHONE},
        default_region="DE",
    )
    text = json.dumps(mapping.to_dict())
    assert json.loads(text) == {
        "columns": {"Firma": "company", "Umsatz": "customer_value", "Handy": "phone"},
        "default_region": "DE",
    }
    assert ColumnMapping.from_dict(json.loads(text)) == mapping
    legacy = {"columns": {"Obrat": "revenue"}}
    assert ColumnMapping.from_dict(legacy).columns == {"Obrat": CrmField.CUSTOMER_VALUE}
    assert ColumnMapping.from_dict(legacy).default_region == "CZ"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ([], "must be a table"),
        ({"columns": {"Firma": "firma"}}, "Unknown field 'firma' for column 'Firma' (choose from"),
        ({"columns": ["Firma"]}, "must be a table from header to field"),
        ({"columns": {" ": "company"}}, "is not a header name"),
        ({"default_region": "Czechia"}, "not a two-letter country code"),
        ({"colums": {}}, "Unknown setting 'colums'"),
    ],
)
def test_a_bad_saved_mapping_is_refused_in_plain_words(data: object, words: str) -> None:
    with pytest.raises(CrmImportError) as caught:
        ColumnMapping.from_dict(data)
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "phones"),
    [
        ("602 123 456", ("+420602123456",)),
        ("+420 602-123-456", ("+420602123456",)),
        ("00420602123456", ("+420602123456",)),
        ("420602123456", ("+420602123456",)),
        ("(+421) 905 123 456", ("+421905123456",)),
        ("602 123 456; 777 123 456, 602 123 456", ("+420602123456", "+420777123456")),
        ("+49 171 2345678", ("+491712345678",)),
        ("—", ()),
    ],
)
def test_phones_are_normalised_to_e164(tmp_path: Path, raw: str, phones: tuple[str, ...]) -> None:
    path = write(tmp_path, f'Firma;Telefon\nBistro;"{raw}"\n')
    result = read_crm_csv(path, {"Firma": CrmField.COMPANY, "Telefon": CrmField.PHONE})
    assert result.records[0].phones == phones
    assert result.problems == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234 567,50 Kč", 1234567.50),
        ("1\u00a0234\u00a0567,50\u00a0Kč", 1234567.50),
        ("1.234,50 €", 1234.50),
        ("€ 1.234.567,89", 1234567.89),
        ("1,234.50", 1234.50),
        ("$1,234,567", 1234567.0),
        ("CZK 12 000,-", 12000.0),
        ("12'500 CHF", 12500.0),
        ("1.500", 1500.0),
        ("0,125", 0.125),
        ("12,5", 12.5),
        ("-1 000 Kč", -1000.0),
        ("\u2212 5", -5.0),
        ("abc", None),
        ("1.2.3", None),
        ("1,5 Mio", None),
        ("12 Kč/měsíc", None),
        ("", None),
    ],
)
def test_amounts_in_czech_german_and_english_formats(text: str, value: float | None) -> None:
    assert parse_amount(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", True),
        ("Ano", True),
        ("ja", True),
        ("1", True),
        ("TRUE", True),
        ("x", True),
        ("no", False),
        ("NE", False),
        ("nein", False),
        ("0", False),
        ("false", False),
        ("možná", None),
        ("", None),
    ],
)
def test_vip_yes_and_no_words(text: str, value: bool | None) -> None:
    assert parse_yes_no(text) is value
