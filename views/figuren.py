"""The figures as plain functions of the policy: the matrix page's chart, the static grid (projector,
scenario) and the presentation's timeline. No Streamlit here.

Both grids share one palette, one cell text and the labels from `beleid`; this module only decides
how it looks.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Collection
from functools import lru_cache

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from policy import Basis, Beleid, Beslissing, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.domain import cel_sleutel, lees_cel_sleutel
from policy.models import Stap
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, basis_label

# Okabe-Ito blue and orange plus a light grey: told apart with every common colour-vision deficiency,
# and apart in lightness too (greyscale print). Text colour per fill keeps contrast >= 4.5:1.
KLEUR = {Toegang.ja: "#0072B2", Toegang.nee: "#E69F00", Toegang.buiten_kader: "#DDDDDD"}
TEKSTKLEUR = {Toegang.ja: "#FFFFFF", Toegang.nee: "#1A1A1A", Toegang.buiten_kader: "#1A1A1A"}
# Short enough for a 60 px wide cell on a phone; the full label is in the hover, table and legend.
KORT_LABEL = {Toegang.ja: "Ja", Toegang.nee: "Nee", Toegang.buiten_kader: "Buiten<br>besluit"}
# The static grid: full strength for what a screen is about, a light tint of it for the rest.
TINT = {Toegang.ja: "#D9EAF5", Toegang.nee: "#FBECCC", Toegang.buiten_kader: "#F3F3F3"}
KADERKLEUR = "#1A1A1A"
LETTER = "Source Sans, Source Sans Pro, sans-serif"  # the app's own font, loaded by Streamlit

RIJHOOGTE = 62  # room for three lines: "? Buiten besluit" over two, and "afgeleid"
AFGELEID = "afgeleid"  # the mark on a cell the text does not say itself (explained next to the figure)
KOP = 78  # room above each block for its title and the niveau labels


def cel_tekst(toegang: Toegang, afgeleid: bool = False) -> str:
    """What a cell shows: symbol and word, so colour is never the only signal (WCAG 1.4.1).

    An answer that follows from the bericht, rather than standing in it, keeps its label: `afgeleid`.
    """
    tekst = f"<b>{TOEGANG_SYMBOOL[toegang]}</b> {KORT_LABEL[toegang]}"
    return f"{tekst}<br><i>{AFGELEID}</i>" if afgeleid else tekst


def cel_naam(beleid: Beleid, cel: Cel) -> str:
    """'ISK · Entree · formatief': the cell as a reader names it."""
    return (
        f"{beleid.label('doelgroep', cel.doelgroep)} · {beleid.label('niveau', cel.niveau)} · "
        f"{beleid.label('vorm', cel.vorm).lower()}"
    )


def _regels(tekst: str, breedte: int) -> str:
    return "<br>".join(
        html.escape(r) for r in textwrap.wrap(tekst, breedte, break_long_words=False, break_on_hyphens=False)
    )


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
    delen.append(f"<i>{_regels(basis_label(beleid, beslissing.basis), 42)}</i>")
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
    doelgroepen = beleid.doelgroepen(ingeschreven_in_mbo)
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
                    text=[cel_tekst(toegang, b.basis == Basis.afgeleid) for _, _, b in punten],
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


def punt_naar_cel(punt: dict[str, object]) -> Cel | None:
    """The cell of a clicked point from `st.plotly_chart`'s selection (its customdata: the cell key), or None."""
    return lees_cel_sleutel(punt.get("customdata", ""))


@lru_cache(maxsize=128)
def gedeelde_matrix_figuur(beleid: Beleid, ingeschreven_in_mbo: bool, gekozen: Cel | None = None) -> go.Figure:
    """The same figure, built once per choice and shared by every session (plotly builds it in ~90 ms).

    Read-only: st.plotly_chart copies a figure to a dict before it sends it, so sharing is safe.
    """
    return matrix_figuur(beleid, ingeschreven_in_mbo, gekozen)


# --- the static grid: projector screens and the scenario page ------------------------------------

# Layout both projector figures share: no margins, white, static (a presenter clicks buttons, not the chart).
_PROJECTOR_STIJL: dict[str, object] = dict(
    margin=dict(l=0, r=0, t=0, b=0),
    plot_bgcolor="#FFFFFF",
    paper_bgcolor="#FFFFFF",
    showlegend=False,
    dragmode=False,
    font=dict(family=LETTER),
)


def _kolommen() -> list[tuple[Niveau, Vorm]]:
    return [(n, v) for n in Niveau for v in Vorm]


def raster_cel_tekst(beslissing: Beslissing, kort: bool = False, gemarkeerd: bool = False) -> str:
    """A cell of the static grid: symbol and word; the full size adds the 'afgeleid' mark where it applies."""
    t = beslissing.toegang
    if kort:
        tekst = cel_tekst(t)
        return f"<b>◆<br>{tekst}</b>" if gemarkeerd else tekst
    label = "Valt buiten<br>dit besluit" if t == Toegang.buiten_kader else TOEGANG_LABEL[t]
    scheiding = "<br>" if t == Toegang.buiten_kader else " "
    tekst = f"{TOEGANG_SYMBOOL[t]}{scheiding}{label}"
    if beslissing.basis == Basis.afgeleid:
        tekst += f"<br><i>{AFGELEID}</i>"
    return f"<b>◆ {tekst}</b>" if gemarkeerd else tekst


def raster_figuur(
    beleid: Beleid,
    doelgroepen: tuple[Doelgroep, ...],
    ingeschreven_in_mbo: bool = False,
    uitgelicht: Doelgroep | None = None,
    gemarkeerd: Collection[Cel] = (),
    lettergrootte: int = 26,
    hoogte: int | None = None,
    kort: bool = False,
    rijnamen: bool = True,
) -> go.Figure:
    """The matrix as a static grid of coloured cells with symbol and word.

    `uitgelicht` shows one group's row in full colour with a frame and the others tinted;
    `gemarkeerd` does the same for single cells (a ◆ and a frame: never colour alone).
    Without `rijnamen` the grid starts at its left edge (one group, named in the screen's title).
    """
    kolommen = _kolommen()
    nadruk = uitgelicht is not None or bool(gemarkeerd)
    rijhoogte = 1.0
    fig = go.Figure()
    shapes: list[dict[str, object]] = []
    annotaties: list[dict[str, object]] = []
    klein = max(11, int(lettergrootte * 0.85))
    for r, doelgroep in enumerate(doelgroepen):
        y0 = -(r + 1) * rijhoogte
        rij_aan = uitgelicht == doelgroep
        for k, (niveau, vorm) in enumerate(kolommen):
            b = beleid.decide(doelgroep, niveau, vorm, ingeschreven_in_mbo)
            aan = rij_aan or b.cel in gemarkeerd or not nadruk
            vul = KLEUR[b.toegang] if aan else TINT[b.toegang]
            shapes.append(
                dict(
                    type="rect",
                    x0=k,
                    x1=k + 1,
                    y0=y0,
                    y1=y0 + rijhoogte,
                    fillcolor=vul,
                    line=dict(color="#FFFFFF", width=3),
                    layer="below",
                )
            )
            if b.cel in gemarkeerd:
                shapes.append(
                    dict(
                        type="rect",
                        x0=k + 0.04,
                        x1=k + 0.96,
                        y0=y0 + 0.06,
                        y1=y0 + rijhoogte - 0.06,
                        line=dict(color=KADERKLEUR, width=5),
                        fillcolor="rgba(0,0,0,0)",
                    )
                )
            annotaties.append(
                dict(
                    x=k + 0.5,
                    y=y0 + rijhoogte / 2,
                    text=raster_cel_tekst(b, kort, b.cel in gemarkeerd),
                    showarrow=False,
                    font=dict(size=lettergrootte, color=TEKSTKLEUR[b.toegang] if aan else KADERKLEUR),
                )
            )
        if rijnamen:
            label = beleid.label("doelgroep", doelgroep)
            naam = _regels(label, 14) if kort else html.escape(label)
            annotaties.append(
                dict(
                    x=-0.1,
                    y=y0 + rijhoogte / 2,
                    text=f"<b>{naam}</b>" if rij_aan else naam,
                    showarrow=False,
                    xanchor="right",
                    font=dict(size=lettergrootte, color=KADERKLEUR),
                )
            )
        if rij_aan:
            shapes.append(
                dict(
                    type="rect",
                    x0=-0.02,
                    x1=len(kolommen) + 0.02,
                    y0=y0 - 0.02,
                    y1=y0 + rijhoogte + 0.02,
                    line=dict(color=KADERKLEUR, width=6),
                    fillcolor="rgba(0,0,0,0)",
                )
            )
    for i, niveau in enumerate(Niveau):
        annotaties.append(
            dict(
                x=2 * i + 1,
                y=0.72,
                text=f"<b>{html.escape(beleid.label('niveau', niveau))}</b>",
                showarrow=False,
                font=dict(size=lettergrootte, color=KADERKLEUR),
            )
        )
        for j, vorm in enumerate(Vorm):
            annotaties.append(
                dict(
                    x=2 * i + j + 0.5,
                    y=0.3,
                    text=html.escape(beleid.label("vorm", vorm).lower()),
                    showarrow=False,
                    font=dict(size=klein, color=KADERKLEUR),
                )
            )
    rijen = len(doelgroepen)
    links = (-2.6 if kort else -2.2) if rijnamen else -0.05
    fig.update_layout(
        shapes=shapes,
        annotations=annotaties,
        xaxis=dict(range=[links, len(kolommen) + 0.05], visible=False, fixedrange=True),
        yaxis=dict(range=[-rijen - 0.05, 1.0], visible=False, fixedrange=True),
        height=hoogte or int(lettergrootte * 3.2 * (rijen + 1)),
        **_PROJECTOR_STIJL,
    )
    return fig


def raster_rij(fig: go.Figure, rij: int = 0) -> list[str]:
    """The cell texts of one row of a static grid, left to right (for tests and checks)."""
    cellen = [a for a in fig.layout.annotations if -(rij + 1) < a.y < -rij and a.xanchor != "right"]
    return [str(a.text) for a in sorted(cellen, key=lambda a: a.x)]


def tijdlijn_figuur(stappen: tuple[Stap, ...], lettergrootte: int = 30, hoogte: int = 420) -> go.Figure:
    """The decision process as a timeline: when above the line, what happened below it."""
    n = len(stappen)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(x=[-0.5, n - 0.5], y=[0, 0], mode="lines", line=dict(color="#1F5F8B", width=8), hoverinfo="skip")
    )
    fig.add_trace(
        go.Scatter(
            x=list(range(n)),
            y=[0] * n,
            mode="markers",
            marker=dict(
                size=[44] * (n - 1) + [60],
                color=["#FFFFFF"] * (n - 1) + ["#1F5F8B"],
                line=dict(color="#1F5F8B", width=8),
                symbol="circle",
            ),
            hoverinfo="skip",
        )
    )
    annotaties: list[dict[str, object]] = []
    for i, stap in enumerate(stappen):
        annotaties.append(
            dict(
                x=i,
                y=0.32,
                text=f"<b>{html.escape(stap.wanneer)}</b>",
                showarrow=False,
                yanchor="bottom",
                font=dict(size=int(lettergrootte * 1.1), color="#1F5F8B"),
            )
        )
        tekst = f"<b>{_regels(stap.titel, 24)}</b><br><br>{_regels(stap.tekst, 30)}"
        annotaties.append(
            dict(
                x=i,
                y=-0.3,
                text=tekst,
                showarrow=False,
                yanchor="top",
                align="center",
                font=dict(size=lettergrootte, color=KADERKLEUR),
            )
        )
    fig.update_layout(
        annotations=annotaties,
        xaxis=dict(range=[-0.5, n - 0.5], visible=False, fixedrange=True),
        yaxis=dict(range=[-2.2, 1.0], visible=False, fixedrange=True),
        height=hoogte,
        **_PROJECTOR_STIJL,
    )
    return fig
