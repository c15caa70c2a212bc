"""The matrix as a table and as a CSV file for people: Dutch headers, words a reader uses. No Streamlit here.

Every answer, label, condition and quote comes from `beleid`; this module only decides the layout.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

from policy import Basis, Beleid, Cel, Niveau, Toegang, Vorm
from views.figuren import AFGELEID
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, basis_label, bronverwijzing, versieregel


def tabel_waarde(toegang: Toegang, basis: Basis = Basis.expliciet) -> str:
    """'✓ Ja', and '✓ Ja (afgeleid)' for an answer that follows from the bericht rather than stands in it."""
    tekst = f"{TOEGANG_SYMBOOL[toegang]} {TOEGANG_LABEL[toegang]}"
    return f"{tekst} ({AFGELEID})" if basis is Basis.afgeleid else tekst


def matrix_tabel(beleid: Beleid, ingeschreven_in_mbo: bool, vorm: Vorm) -> pd.DataFrame:
    """One block of the matrix as a table: groups as row headers, products as column headers."""
    per_cel = {b.cel: b for b in beleid.matrix(ingeschreven_in_mbo)}
    rijen = {
        beleid.label("doelgroep", d): [
            tabel_waarde(per_cel[c].toegang, per_cel[c].basis)
            for c in (Cel(d, n, vorm, ingeschreven_in_mbo) for n in Niveau)
        ]
        for d in beleid.doelgroepen(ingeschreven_in_mbo)
    }
    tabel = pd.DataFrame.from_dict(rijen, orient="index", columns=[beleid.label("niveau", n) for n in Niveau])
    tabel.index.name = "Groep"
    return tabel


CSV_KOLOMMEN = (
    "Groep",
    "Kandidaat ingeschreven in het mbo",
    "Product",
    "Soort toets",
    "Antwoord",
    "Staat het in het bericht over het besluit?",
    "Uitleg",
    "Voorwaarden",
    "Citaten uit het bericht over het besluit",
    "Besluit",
)


def _citaat(beleid: Beleid, alinea: int, citaat: str) -> str:
    plaats = bronverwijzing(beleid, alinea).rsplit(", ", 1)[-1]  # 'alinea 4', or 'kop' for the heading
    return f"„{' '.join(citaat.split())}” ({plaats})"


def matrix_csv(beleid: Beleid) -> str:
    """All cells (both enrolments) as CSV for Excel: `;`-separated, with a BOM so Excel reads UTF-8.

    Each row names the decision it answers from, so a copied or forwarded file still says which one.
    """
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(CSV_KOLOMMEN)
    besluit = versieregel(beleid)
    for b in beleid.matrix():
        schrijver.writerow(
            [
                beleid.label("doelgroep", b.cel.doelgroep),
                "Ja" if b.cel.ingeschreven_in_mbo else "Nee",
                beleid.label("niveau", b.cel.niveau),
                beleid.label("vorm", b.cel.vorm),
                TOEGANG_LABEL[b.toegang],
                basis_label(beleid, b.basis),
                b.regel.samenvatting,
                " ".join(v.titel for v in b.voorwaarden),
                " ".join(_citaat(beleid, br.alinea, br.citaat) for br in b.bronnen),
                besluit,
            ]
        )
    return "\ufeff" + uit.getvalue()


def csv_bestandsnaam(beleid: Beleid) -> str:
    """'toegangswijzer-overzicht-alv-2026-03-26.csv': which decision, in the name of the file."""
    orgaan = "-".join(beleid.besluit.orgaan_kort.removeprefix("de ").lower().split())
    status = "" if beleid.besluit.status == "vastgesteld" else "-scenario"
    return f"toegangswijzer-overzicht-{orgaan}-{beleid.besluit.datum.isoformat()}{status}.csv"
