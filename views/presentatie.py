"""The presentation for the ledenvergadering as data, plus its figures. No Streamlit here.

The sequence of screens is built from the policy (`schermen`): the page only draws what it gets.
The only fixed wording here are screen headings and instructions; every policy sentence and
every quote comes from `beleid`.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

import plotly.graph_objects as go

from policy import Beleid, Beslissing, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.models import Bron, Stap, Voorwaarde
from views.figuren import KLEUR, TEKSTKLEUR
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL

Soort = Literal["aanleiding", "proces", "kern", "groep", "regie", "doelen", "afsluiting"]

# The groups the decision is about, each with its own screen, in the order of the decision text.
GROEPEN: tuple[Doelgroep, ...] = (Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute)

# The matrix page's colour-blind-safe palette at full strength for what the screen is about, a light
# tint of it for the rest; text and symbol always say it too.
TINT = {Toegang.ja: "#D9EAF5", Toegang.nee: "#FBECCC", Toegang.buiten_kader: "#F3F3F3"}
TEKST_DONKER = "#1A1A1A"
# Layout both projector figures share: no margins, white, static (a presenter clicks buttons, not the chart).
_PROJECTOR_STIJL: dict[str, object] = dict(
    margin=dict(l=0, r=0, t=0, b=0),
    plot_bgcolor="#FFFFFF",
    paper_bgcolor="#FFFFFF",
    showlegend=False,
    dragmode=False,
    font=dict(family="Source Sans, Source Sans Pro, sans-serif"),
)
KORT_LABEL = {Toegang.ja: "Ja", Toegang.nee: "Nee", Toegang.buiten_kader: "Buiten"}


@dataclass(frozen=True)
class Punt:
    """One item in a list on a screen (a condition, an aim) with the quotes it rests on."""

    titel: str
    uitleg: str | None = None
    bronnen: tuple[Bron, ...] = ()


@dataclass(frozen=True)
class Scherm:
    """One screen of the presentation: one idea."""

    id: str
    soort: Soort
    titel: str
    tekst: tuple[str, ...] = ()
    citaten: tuple[Bron, ...] = ()
    doelgroep: Doelgroep | None = None
    rij: tuple[Beslissing, ...] = ()
    redenen: tuple[str, ...] = ()
    ingeschreven: str | None = None
    stappen: tuple[Stap, ...] = ()
    punten: tuple[Punt, ...] = ()


def _uniek(items: list[object]) -> list[object]:
    gezien: list[object] = []
    for item in items:
        if item not in gezien:
            gezien.append(item)
    return gezien


def groepsrij(beleid: Beleid, doelgroep: Doelgroep, ingeschreven_in_mbo: bool = False) -> list[Beslissing]:
    """One row of the matrix: every product and form for one group, in the matrix order."""
    return [b for b in beleid.matrix(ingeschreven_in_mbo) if b.cel.doelgroep == doelgroep]


def _groepsscherm(beleid: Beleid, doelgroep: Doelgroep) -> Scherm:
    rij = groepsrij(beleid, doelgroep)
    regels = _uniek([b.regel for b in rij])
    # The reason and quotes of what the text says itself; derived answers only when there is nothing else.
    uitleg = [r for r in regels if r.basis.value == "expliciet"] or regels
    redenen = tuple(str(r) for r in _uniek([r.reden for r in uitleg]))
    citaten = tuple(b for b in _uniek([b for r in uitleg for b in r.bronnen]) if isinstance(b, Bron))
    ingeschreven = _uniek([b.regel.samenvatting for b in groepsrij(beleid, doelgroep, True)])
    return Scherm(
        id=f"groep-{doelgroep.value}",
        soort="groep",
        titel=beleid.label("doelgroep", doelgroep),
        doelgroep=doelgroep,
        rij=tuple(rij),
        redenen=redenen,
        citaten=citaten,
        ingeschreven=str(ingeschreven[0]) if len(ingeschreven) == 1 else None,
    )


def regie_voorwaarden(beleid: Beleid) -> list[Voorwaarde]:
    """The conditions on every "ja" for the groups outside the mbo: how the mbo-instelling keeps the regie."""
    ja = [b for d in GROEPEN for b in groepsrij(beleid, d) if b.toegang == Toegang.ja]
    return [v for v in beleid.voorwaarden if ja and all(v in b.voorwaarden for b in ja)]


def schermen(beleid: Beleid, adres: str = "") -> list[Scherm]:
    """The whole presentation, in order, drawn from the policy."""
    b = beleid.besluit
    lijst = [
        Scherm(
            id="aanleiding",
            soort="aanleiding",
            titel=b.aanleiding.titel,
            tekst=(b.aanleiding.tekst,),
            citaten=b.aanleiding.bronnen,
        ),
        Scherm(id="proces", soort="proces", titel="Zo is het besluit genomen", stappen=b.proces),
        Scherm(id="kern", soort="kern", titel="De kern van het besluit", tekst=b.samenvatting, citaten=b.kern),
    ]
    lijst += [_groepsscherm(beleid, d) for d in GROEPEN]
    voorwaarden = regie_voorwaarden(beleid)
    lijst.append(
        Scherm(
            id="regie",
            soort="regie",
            titel="De mbo-instelling houdt de regie over de examens",
            punten=tuple(Punt(v.titel, v.uitleg, v.bronnen) for v in voorwaarden),
        )
    )
    doel_bronnen = tuple(x for x in _uniek([br for d in b.doelen for br in d.bronnen]) if isinstance(x, Bron))
    lijst.append(
        Scherm(
            id="doelen",
            soort="doelen",
            titel="Wat het beleid wil bereiken",
            punten=tuple(Punt(d.titel) for d in b.doelen),
            citaten=doel_bronnen,
        )
    )
    lijst.append(
        Scherm(
            id="afsluiting",
            soort="afsluiting",
            titel="Zelf nakijken?",
            tekst=("Open de Toegangswijzer op uw telefoon. Scan de code of typ het adres.",),
        )
    )
    return lijst


def scherm_nummer(waarde: object, aantal: int) -> int:
    """The screen from the URL (`?scherm=3`), 1-based; anything invalid or out of range is screen 1."""
    if isinstance(waarde, list | tuple):
        waarde = waarde[0] if waarde else None
    tekst = str(waarde).strip() if waarde is not None else ""
    if not tekst.isascii() or not tekst.isdigit() or len(tekst) > 4:
        return 1
    nummer = int(tekst)
    return nummer if 1 <= nummer <= aantal else 1


def positie(nummer: int, aantal: int) -> str:
    """'Scherm 3 van 9'."""
    return f"Scherm {nummer} van {aantal}"


# --- figures ---------------------------------------------------------------------------------


def _kolommen() -> list[tuple[Niveau, Vorm]]:
    return [(n, v) for n in Niveau for v in Vorm]


def _cel_tekst(beslissing: Beslissing, kort: bool, gemarkeerd: bool) -> str:
    t = beslissing.toegang
    if kort:
        tekst = f"{TOEGANG_SYMBOOL[t]} {KORT_LABEL[t]}"
        return f"<b>◆<br>{tekst}</b>" if gemarkeerd else tekst
    label = "Valt buiten<br>dit besluit" if t == Toegang.buiten_kader else TOEGANG_LABEL[t]
    scheiding = "<br>" if t == Toegang.buiten_kader else " "
    tekst = f"{TOEGANG_SYMBOOL[t]}{scheiding}{label}"
    return f"<b>◆ {tekst}</b>" if gemarkeerd else tekst


def matrix_figuur(
    beleid: Beleid,
    doelgroepen: tuple[Doelgroep, ...] = GROEPEN,
    ingeschreven_in_mbo: bool = False,
    uitgelicht: Doelgroep | None = None,
    gemarkeerd: Collection[Cel] = (),
    lettergrootte: int = 26,
    hoogte: int | None = None,
    kort: bool = False,
) -> go.Figure:
    """The matrix as a grid of coloured cells with symbol and word.

    `uitgelicht` shows one group's row in full colour with a frame and the others tinted;
    `gemarkeerd` does the same for single cells (a ◆ and a frame: never colour alone).
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
                        line=dict(color=TEKST_DONKER, width=5),
                        fillcolor="rgba(0,0,0,0)",
                    )
                )
            annotaties.append(
                dict(
                    x=k + 0.5,
                    y=y0 + rijhoogte / 2,
                    text=_cel_tekst(b, kort, b.cel in gemarkeerd),
                    showarrow=False,
                    font=dict(size=lettergrootte, color=TEKSTKLEUR[b.toegang] if aan else TEKST_DONKER),
                )
            )
        naam = (
            _regels(beleid.label("doelgroep", doelgroep), 14)
            if kort
            else html.escape(beleid.label("doelgroep", doelgroep))
        )
        annotaties.append(
            dict(
                x=-0.1,
                y=y0 + rijhoogte / 2,
                text=f"<b>{naam}</b>" if rij_aan else naam,
                showarrow=False,
                xanchor="right",
                font=dict(size=lettergrootte, color=TEKST_DONKER),
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
                    line=dict(color=TEKST_DONKER, width=6),
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
                font=dict(size=lettergrootte, color=TEKST_DONKER),
            )
        )
        for j, vorm in enumerate(Vorm):
            annotaties.append(
                dict(
                    x=2 * i + j + 0.5,
                    y=0.3,
                    text=html.escape(beleid.label("vorm", vorm).lower()),
                    showarrow=False,
                    font=dict(size=klein, color=TEKST_DONKER),
                )
            )
    rijen = len(doelgroepen)
    fig.update_layout(
        shapes=shapes,
        annotations=annotaties,
        xaxis=dict(range=[-2.2 if not kort else -2.6, len(kolommen) + 0.05], visible=False, fixedrange=True),
        yaxis=dict(range=[-rijen - 0.05, 1.0], visible=False, fixedrange=True),
        height=hoogte or int(lettergrootte * 3.2 * (rijen + 1)),
        **_PROJECTOR_STIJL,
    )
    return fig


def _regels(tekst: str, breedte: int) -> str:
    return "<br>".join(html.escape(r) for r in textwrap.wrap(tekst, breedte))


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
                font=dict(size=lettergrootte, color=TEKST_DONKER),
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


def uitgelichte_rij(fig: go.Figure) -> list[str]:
    """The cell texts of the framed row of a matrix figure, left to right (for tests and checks)."""
    kaders = [s for s in fig.layout.shapes if s.line.width == 6]
    if not kaders:
        return []
    y0, y1 = kaders[0].y0, kaders[0].y1
    cellen = [a for a in fig.layout.annotations if y0 < a.y < y1 and a.xanchor != "right"]
    return [str(a.text) for a in sorted(cellen, key=lambda a: a.x)]
