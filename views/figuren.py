"""The matrix page's figure, table and CSV as plain functions of the policy. No Streamlit here.

Every answer, label and condition comes from `beleid`; this module only decides how it looks.
"""

from __future__ import annotations

import csv
import html
import io
import textwrap
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from policy import Beleid, Beslissing, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.domain import ja_nee
from views.teksten import BASIS_LABEL, TOEGANG_LABEL, TOEGANG_SYMBOOL

# Okabe-Ito blue and orange plus a light grey: told apart with every common colour-vision deficiency,
# and apart in lightness too (greyscale print). Text colour per fill keeps contrast >= 4.5:1.
KLEUR = {Toegang.ja: "#0072B2", Toegang.nee: "#E69F00", Toegang.buiten_kader: "#DDDDDD"}
TEKSTKLEUR = {Toegang.ja: "#FFFFFF", Toegang.nee: "#1A1A1A", Toegang.buiten_kader: "#1A1A1A"}
# Short enough for a 60 px wide cell on a phone; the full label is in the hover, table and legend.
KORT_LABEL = {Toegang.ja: "Ja", Toegang.nee: "Nee", Toegang.buiten_kader: "Buiten<br>besluit"}
KADERKLEUR = "#1A1A1A"
LETTER = "Source Sans, Source Sans Pro, sans-serif"  # the app's own font, loaded by Streamlit

RIJHOOGTE = 54
KOP = 78  # room above each block for its title and the niveau labels


def cel_tekst(toegang: Toegang) -> str:
    """What a cell shows: symbol and word, so colour is never the only signal (WCAG 1.4.1)."""
    return f"<b>{TOEGANG_SYMBOOL[toegang]}</b> {KORT_LABEL[toegang]}"


def cel_sleutel(cel: Cel) -> str:
    """A cell without enrolment as a short URL value: `isk-entree-formatief`."""
    return f"{cel.doelgroep.value}-{cel.niveau.value}-{cel.vorm.value}"


def lees_cel_sleutel(waarde: object) -> tuple[Doelgroep, Niveau, Vorm] | None:
    """The cell named by a URL value, or None for anything else (never raises, never echoes)."""
    tekst = str(waarde)[:60].strip().lower()
    delen = tekst.split("-")
    if len(delen) != 3:
        return None
    try:
        return Doelgroep(delen[0]), Niveau(delen[1]), Vorm(delen[2])
    except ValueError:
        return None


def cel_naam(beleid: Beleid, cel: Cel) -> str:
    """'ISK · Entree · formatief': the cell as a reader names it."""
    return (
        f"{beleid.label('doelgroep', cel.doelgroep)} · {beleid.label('niveau', cel.niveau)} · "
        f"{beleid.label('vorm', cel.vorm).lower()}"
    )


def _regels(tekst: str, breedte: int) -> str:
    return "<br>".join(html.escape(r) for r in textwrap.wrap(tekst, breedte, break_long_words=False))


def hover_tekst(beleid: Beleid, beslissing: Beslissing) -> str:
    """The answer, the conditions by title, and whether the text says it or it follows from it."""
    toegang = beslissing.toegang
    delen = [
        f"<b>{html.escape(cel_naam(beleid, beslissing.cel))}</b>",
        f"<b>{TOEGANG_SYMBOOL[toegang]} {html.escape(TOEGANG_LABEL[toegang])}</b>",
    ]
    if beslissing.voorwaarden:
        delen.append("Voorwaarden:")
        delen += ["• " + _regels(v.titel, 42).replace("<br>", "<br>   ") for v in beslissing.voorwaarden]
    delen.append(f"<i>{_regels(BASIS_LABEL[beslissing.basis], 42)}</i>")
    return "<br>".join(delen)


def _kleurschaal() -> list[list[object]]:
    """A stepped scale: z = position of the answer in Toegang picks exactly its colour."""
    n = len(Toegang)
    schaal: list[list[object]] = []
    for i, toegang in enumerate(Toegang):
        schaal += [[i / n, KLEUR[toegang]], [(i + 1) / n, KLEUR[toegang]]]
    return schaal


def z_waarde(toegang: Toegang) -> float:
    """The heatmap value of an answer: the middle of its step in the colour scale."""
    return list(Toegang).index(toegang) + 0.5


def matrix_figuur(beleid: Beleid, ingeschreven_in_mbo: bool, gekozen: Cel | None = None) -> go.Figure:
    """Doelgroep (rows) against niveau (columns), one block per vorm, stacked so it fits a phone.

    The colour is a heatmap; the text, hover and click target are one scatter trace per answer on top
    (a heatmap alone returns no points to `st.plotly_chart` selections, streamlit#8760), each point's
    customdata being its cell key. `gekozen` gets a dark frame.
    """
    vormen = list(Vorm)
    per_cel = {b.cel: b for b in beleid.matrix(ingeschreven_in_mbo)}
    doelgroepen = [d for d in Doelgroep if any(c.doelgroep is d for c in per_cel)]  # mbo only when enrolled
    niveaus = list(Niveau)
    fig = make_subplots(rows=len(vormen), cols=1, vertical_spacing=0.0)
    for r, vorm in enumerate(vormen, start=1):
        cellen = [[per_cel[Cel(d, n, vorm, ingeschreven_in_mbo)] for n in niveaus] for d in doelgroepen]
        fig.add_trace(
            go.Heatmap(
                z=[[z_waarde(b.toegang) for b in rij] for rij in cellen],
                x=list(range(len(niveaus))),
                y=list(range(len(doelgroepen))),
                zmin=0,
                zmax=len(Toegang),
                colorscale=_kleurschaal(),
                showscale=False,
                hoverinfo="skip",
                xgap=3,
                ygap=3,
                name=beleid.label("vorm", vorm),
            ),
            row=r,
            col=1,
        )
        for toegang in Toegang:
            punten = [(i, j, b) for i, rij in enumerate(cellen) for j, b in enumerate(rij) if b.toegang == toegang]
            if not punten:
                continue
            fig.add_trace(
                go.Scatter(
                    x=[j for _, j, _ in punten],
                    y=[i for i, _, _ in punten],
                    mode="markers+text",
                    text=[cel_tekst(toegang)] * len(punten),
                    textfont=dict(color=TEKSTKLEUR[toegang], size=16, family=LETTER),
                    # An invisible square as click target; selection must not dim the text of other cells.
                    marker=dict(symbol="square", size=40, opacity=0),
                    selected=dict(marker=dict(opacity=0), textfont=dict(color=TEKSTKLEUR[toegang])),
                    unselected=dict(marker=dict(opacity=0), textfont=dict(color=TEKSTKLEUR[toegang])),
                    customdata=[cel_sleutel(b.cel) for _, _, b in punten],
                    hovertext=[hover_tekst(beleid, b) for _, _, b in punten],
                    hoverinfo="text",
                    name=TOEGANG_LABEL[toegang],
                    showlegend=False,
                ),
                row=r,
                col=1,
            )
        if gekozen is not None and gekozen.vorm == vorm:
            i, j = doelgroepen.index(gekozen.doelgroep), niveaus.index(gekozen.niveau)
            fig.add_shape(
                type="rect",
                x0=j - 0.5,
                x1=j + 0.5,
                y0=i - 0.5,
                y1=i + 0.5,
                line=dict(color=KADERKLEUR, width=5),
                row=r,
                col=1,
            )

    rij_labels = [_regels(beleid.label("doelgroep", d), 12) for d in doelgroepen]
    kolom_labels = [html.escape(beleid.label("niveau", n)) for n in niveaus]
    blok = len(doelgroepen) * RIJHOOGTE
    hoogte = len(vormen) * (blok + KOP)
    for r, vorm in enumerate(vormen, start=1):
        # Domains by hand: each block gets the same room for its title above the niveau labels.
        boven = 1 - (r - 1) * (blok + KOP) / hoogte - KOP / hoogte
        onder = boven - blok / hoogte
        fig.update_yaxes(
            row=r,
            col=1,
            domain=[max(onder, 0.0), boven],  # float rounding may dip just below 0
            tickvals=list(range(len(doelgroepen))),
            ticktext=rij_labels,
            autorange="reversed",
            automargin=True,  # room for the group names, however long the policy makes them
            fixedrange=True,
            showgrid=False,
            zeroline=False,
            ticks="",
            tickfont=dict(size=15, color="#1A1A1A", family=LETTER),
        )
        fig.update_xaxes(
            row=r,
            col=1,
            tickvals=list(range(len(niveaus))),
            ticktext=kolom_labels,
            side="top",
            fixedrange=True,
            showgrid=False,
            zeroline=False,
            ticks="",
            tickfont=dict(size=15, color="#1A1A1A", family=LETTER),
        )
        fig.add_annotation(
            text=f"<b>{html.escape(beleid.label('vorm', vorm))}</b>",
            xref="paper",
            yref="paper",
            x=0.5,
            xanchor="center",
            y=boven + (KOP - 6) / hoogte,
            yanchor="top",
            showarrow=False,
            font=dict(size=18, color="#1A1A1A", family=LETTER),
        )
    fig.update_layout(
        template=go.layout.Template(),  # no default template: keeps the JSON small, colours are ours
        height=hoogte,
        margin=dict(l=4, r=4, t=4, b=4),
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        font=dict(family=LETTER, size=15, color="#1A1A1A"),
        hovermode="closest",
        hoverdistance=-1,  # a tap anywhere in a cell hits its (invisible) point
        hoverlabel=dict(bgcolor="#FFFFFF", bordercolor="#1A1A1A", font=dict(size=15, color="#1A1A1A", family=LETTER)),
        dragmode=False,
        clickmode="event+select",
        showlegend=False,
    )
    return fig


def punt_naar_cel(punt: dict[str, object], ingeschreven_in_mbo: bool) -> Cel | None:
    """The cell of a clicked point from `st.plotly_chart`'s selection (its customdata), or None."""
    gevonden = lees_cel_sleutel(punt.get("customdata", ""))
    if gevonden is None:
        return None
    return Cel(*gevonden, ingeschreven_in_mbo)


# --- the accessible table and the CSV ---------------------------------------------------------


def tabel_waarde(toegang: Toegang) -> str:
    return f"{TOEGANG_SYMBOOL[toegang]} {TOEGANG_LABEL[toegang]}"


def matrix_tabel(beleid: Beleid, ingeschreven_in_mbo: bool, vorm: Vorm) -> pd.DataFrame:
    """One block of the matrix as a table: groups as row headers, products as column headers."""
    per_cel = {b.cel: b for b in beleid.matrix(ingeschreven_in_mbo)}
    rijen = {
        beleid.label("doelgroep", d): [
            tabel_waarde(per_cel[Cel(d, n, vorm, ingeschreven_in_mbo)].toegang) for n in Niveau
        ]
        for d in Doelgroep
        if any(c.doelgroep is d for c in per_cel)  # mbo students are enrolled: no row when not enrolled
    }
    tabel = pd.DataFrame.from_dict(rijen, orient="index", columns=[beleid.label("niveau", n) for n in Niveau])
    tabel.index.name = "Groep"
    return tabel


CSV_KOLOMMEN = (
    "doelgroep",
    "niveau",
    "vorm",
    "ingeschreven_in_mbo",
    "toegang",
    "antwoord",
    "basis",
    "regel",
    "samenvatting",
    "voorwaarden",
    "citaten",
)


def matrix_csv(beleid: Beleid) -> str:
    """All cells (both enrolments) as CSV for Excel: `;`-separated, with a BOM so Excel reads UTF-8."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(CSV_KOLOMMEN)
    for b in beleid.matrix():
        schrijver.writerow(
            [
                b.cel.doelgroep.value,
                b.cel.niveau.value,
                b.cel.vorm.value,
                ja_nee(b.cel.ingeschreven_in_mbo),
                b.toegang.value,
                TOEGANG_LABEL[b.toegang],
                b.basis.value,
                b.regel.id,
                b.regel.samenvatting,
                " | ".join(v.id for v in b.voorwaarden),
                " | ".join(f"alinea {br.alinea}: {' '.join(br.citaat.split())}" for br in b.bronnen),
            ]
        )
    return "\ufeff" + uit.getvalue()


@lru_cache(maxsize=128)
def gedeelde_matrix_figuur(beleid: Beleid, ingeschreven_in_mbo: bool, gekozen: Cel | None = None) -> go.Figure:
    """The same figure, built once per choice and shared by every session (plotly builds it in ~90 ms).

    Read-only: st.plotly_chart copies a figure to a dict before it sends it, so sharing is safe.
    """
    return matrix_figuur(beleid, ingeschreven_in_mbo, gekozen)
