"""The matrix as a table and as a CSV a person reads: Dutch headers and words, the decision named. No Streamlit."""

from __future__ import annotations

import csv
import io

import pytest

from policy import Basis, Beleid, Niveau, Vorm
from policy.domain import alle_cellen
from views.export import CSV_KOLOMMEN, csv_bestandsnaam, matrix_csv, matrix_tabel, tabel_waarde
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, basis_label, versieregel


def _rijen(beleid: Beleid) -> list[dict[str, str]]:
    tekst = matrix_csv(beleid)
    assert tekst.startswith("\ufeff")  # Excel reads UTF-8 only with the BOM
    return list(csv.DictReader(io.StringIO(tekst.removeprefix("\ufeff")), delimiter=";"))


@pytest.mark.parametrize("ingeschreven", [False, True])
def test_table_equals_policy(beleid: Beleid, ingeschreven: bool) -> None:
    for vorm in Vorm:
        tabel = matrix_tabel(beleid, ingeschreven, vorm)
        assert list(tabel.index) == [beleid.label("doelgroep", d) for d in beleid.doelgroepen(ingeschreven)]
        assert list(tabel.columns) == [beleid.label("niveau", n) for n in Niveau]
        for d in beleid.doelgroepen(ingeschreven):
            for n in Niveau:
                b = beleid.decide(d, n, vorm, ingeschreven)
                waarde = tabel.loc[beleid.label("doelgroep", d), beleid.label("niveau", n)]
                assert isinstance(waarde, str) and waarde == tabel_waarde(b.toegang, b.basis)
                # A derived answer keeps its label in the table too.
                assert waarde.startswith(f"{TOEGANG_SYMBOOL[b.toegang]} {TOEGANG_LABEL[b.toegang]}")
                assert waarde.endswith("(afgeleid)") == (b.basis is Basis.afgeleid)


def test_csv_has_every_cell_in_words_a_reader_uses(beleid: Beleid) -> None:
    rijen = _rijen(beleid)
    assert tuple(rijen[0]) == CSV_KOLOMMEN
    assert len(rijen) == len(beleid.matrix()) == len(alle_cellen())
    for rij, b in zip(rijen, beleid.matrix(), strict=True):
        assert rij["Groep"] == beleid.label("doelgroep", b.cel.doelgroep)
        assert rij["Kandidaat ingeschreven in het mbo"] == ("Ja" if b.cel.ingeschreven_in_mbo else "Nee")
        assert rij["Product"] == beleid.label("niveau", b.cel.niveau)
        assert rij["Soort toets"] == beleid.label("vorm", b.cel.vorm)
        assert rij["Antwoord"] == TOEGANG_LABEL[b.toegang]
        assert rij["Staat het in het bericht over het besluit?"] == basis_label(beleid, b.basis)
        assert rij["Uitleg"] == b.regel.samenvatting
        for v in b.voorwaarden:
            assert v.titel in rij["Voorwaarden"]
        for bron in b.bronnen:
            plaats = "kop" if bron.alinea == 0 else f"alinea {bron.alinea}"
            assert f"„{' '.join(bron.citaat.split())}” ({plaats})" in rij["Citaten uit het bericht over het besluit"]
        assert rij["Besluit"] == versieregel(beleid)
    keys = {(r["Groep"], r["Kandidaat ingeschreven in het mbo"], r["Product"], r["Soort toets"]) for r in rijen}
    assert len(keys) == len(alle_cellen())


def test_csv_has_no_database_words(beleid: Beleid) -> None:
    """No enum values, field names, rule or condition ids, and no 'alinea 0' for the heading."""
    tekst = matrix_csv(beleid)
    assert "_" not in tekst  # every id and field name in policy/ is snake_case
    for woord in ("buiten_kader", "afgeleid", "expliciet", "ingeschreven_in_mbo", "alinea 0", "summatief;", "isk;"):
        assert woord not in tekst
    for regel in beleid.regels:
        assert regel.id not in tekst


def test_file_name_names_the_decision(beleid: Beleid) -> None:
    """Written out, not rebuilt from the same format string: the body and date of the shipped decision."""
    assert csv_bestandsnaam(beleid) == "toegangswijzer-overzicht-alv-2026-03-26.csv"
