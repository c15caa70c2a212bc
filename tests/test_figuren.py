"""The matrix page's chart: drawn from the policy, readable without colour. No Streamlit."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from policy import Basis, Beleid, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.domain import alle_cellen, cel_sleutel
from policy.models import Stap
from views.figuren import (
    KLEUR,
    TEKSTKLEUR,
    cel_tekst,
    matrix_figuur,
    punt_naar_cel,
    tijdlijn_figuur,
)
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL


def _cellen(fig: go.Figure, ingeschreven: bool) -> dict[Cel, go.Scatter]:
    """Every labelled point of the figure, as a click reports it: cell -> (trace, index)."""
    uit = {}
    for trace in fig.data:
        if isinstance(trace, go.Scatter):
            for i, sleutel in enumerate(trace.customdata):
                cel = punt_naar_cel({"customdata": sleutel})
                assert cel is not None and cel.ingeschreven_in_mbo == ingeschreven
                uit[cel] = (trace, i)
    return uit


def _kleur_in_schaal(heatmap: go.Heatmap, z: float) -> str:
    """The colour a stepped colour scale gives a value (the step it falls in)."""
    positie = (z - heatmap.zmin) / (heatmap.zmax - heatmap.zmin)
    kleuren = [kleur for stap, kleur in heatmap.colorscale if stap <= positie]
    return str(kleuren[-1])


def _luminantie(kleur: str) -> float:
    def kanaal(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(kleur[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * kanaal(r) + 0.7152 * kanaal(g) + 0.0722 * kanaal(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminantie(a), _luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("ingeschreven", [False, True])
def test_every_cell_shows_the_policy_answer_with_symbol(beleid: Beleid, ingeschreven: bool) -> None:
    fig = matrix_figuur(beleid, ingeschreven)
    cellen = _cellen(fig, ingeschreven)
    assert len(cellen) == len(beleid.matrix(ingeschreven))
    for d in beleid.doelgroepen(ingeschreven):
        for n in Niveau:
            for v in Vorm:
                beslissing = beleid.decide(d, n, v, ingeschreven)
                verwacht = beslissing.toegang
                trace, i = cellen[Cel(d, n, v, ingeschreven)]
                tekst = trace.text[i]
                afgeleid = beslissing.basis is Basis.afgeleid
                assert tekst == cel_tekst(verwacht, afgeleid)
                assert TOEGANG_SYMBOOL[verwacht] in tekst
                # A derived answer keeps its label in the cell (explained next to the figure).
                assert tekst.endswith("<br><i>afgeleid</i>") == afgeleid
                tekst = tekst.removesuffix("<br><i>afgeleid</i>")
                # The word is there too (split over two lines for "Buiten besluit").
                woorden = tekst.replace("<br>", " ").split("</b> ")[1].lower().split()
                assert woorden and all(w in TOEGANG_LABEL[verwacht].lower().split() for w in woorden)


@pytest.mark.parametrize("ingeschreven", [False, True])
def test_cell_positions_match_row_and_column(beleid: Beleid, ingeschreven: bool) -> None:
    """The text of a cell sits on the heatmap square of that cell, and that square has its colour."""
    fig = matrix_figuur(beleid, ingeschreven)
    heatmaps = [t for t in fig.data if isinstance(t, go.Heatmap)]
    assert len(heatmaps) == len(Vorm)
    for cel, (trace, i) in _cellen(fig, ingeschreven).items():
        x, y = trace.x[i], trace.y[i]
        assert (x, y) == (list(Niveau).index(cel.niveau), beleid.doelgroepen(ingeschreven).index(cel.doelgroep))
        heatmap = next(h for h in heatmaps if h.xaxis == trace.xaxis and h.yaxis == trace.yaxis)
        assert heatmap.name == beleid.label("vorm", cel.vorm)
        toegang = beleid.decide(*cel).toegang
        assert _kleur_in_schaal(heatmap, heatmap.z[y][x]) == KLEUR[toegang]
        assert trace.textfont.color == TEKSTKLEUR[toegang]


def test_labels_come_from_the_policy(beleid: Beleid) -> None:
    fig = matrix_figuur(beleid, False)
    rijen = [t.replace("<br>", " ") for t in fig.layout.yaxis.ticktext]
    assert rijen == [beleid.label("doelgroep", d) for d in beleid.doelgroepen(False)]
    assert list(fig.layout.xaxis.ticktext) == [beleid.label("niveau", n) for n in Niveau]
    titels = [a.text for a in fig.layout.annotations]
    assert titels == [f"<b>{beleid.label('vorm', v)}</b>" for v in Vorm]


def test_colours_are_distinct_and_text_readable() -> None:
    assert len(set(KLEUR.values())) == len(Toegang)
    # Apart in lightness as well, so a greyscale print still tells them apart.
    assert len({round(_luminantie(k), 1) for k in KLEUR.values()}) == len(Toegang)
    for toegang in Toegang:
        assert _contrast(KLEUR[toegang], TEKSTKLEUR[toegang]) >= 4.5


def test_hover_names_answer_conditions_and_basis(beleid: Beleid) -> None:
    for ingeschreven in (False, True):
        fig = matrix_figuur(beleid, ingeschreven)
        for cel, (trace, i) in _cellen(fig, ingeschreven).items():
            beslissing = beleid.decide(*cel)
            hover = trace.hovertext[i].replace("<br>   ", " ").replace("<br>", "\n")
            assert TOEGANG_LABEL[beslissing.toegang] in hover
            for voorwaarde in beslissing.voorwaarden:
                assert voorwaarde.titel in hover
            assert ("Voorwaarden:" in hover) == bool(beslissing.voorwaarden)
            assert ("letterlijk" in hover) and (("niet letterlijk" in hover) == (beslissing.basis.value == "afgeleid"))


def test_selection_does_not_dim_text_and_chosen_cell_is_framed(beleid: Beleid) -> None:
    cel = Cel(Doelgroep.isk, Niveau.entree, Vorm.summatief, False)
    fig = matrix_figuur(beleid, False, gekozen=cel)
    for trace in fig.data:
        if isinstance(trace, go.Scatter):
            assert trace.unselected.textfont.color == trace.textfont.color
    assert len(fig.layout.shapes) == 1
    kader = fig.layout.shapes[0]
    assert (kader.x0 + kader.x1) / 2 == 0 and (kader.y0 + kader.y1) / 2 == beleid.doelgroepen(False).index(
        Doelgroep.isk
    )
    assert kader.yref == "y2"  # summatief is the second block
    assert not matrix_figuur(beleid, False).layout.shapes


def test_figure_is_small_and_has_no_default_template(beleid: Beleid) -> None:
    spec = pio.to_json(matrix_figuur(beleid, True), validate=False)
    assert len(spec) < 40_000
    assert len(json.dumps(json.loads(spec)["layout"].get("template", {}))) < 200


def test_clicked_point_maps_to_its_cell(beleid: Beleid) -> None:
    """A point carries the domain's cell key (enrolment included); every cell of both halves is clickable."""
    assert punt_naar_cel({"customdata": "isk-entree-formatief-ja", "x": 0, "y": 2}) == Cel(
        Doelgroep.isk, Niveau.entree, Vorm.formatief, True
    )
    geklikt = {c for i in (False, True) for c in _cellen(matrix_figuur(beleid, i), i)}
    assert geklikt == set(alle_cellen())
    for cel in alle_cellen():
        assert punt_naar_cel({"customdata": cel_sleutel(cel)}) == cel


@pytest.mark.parametrize(
    "punt",
    [
        {"x": 0, "y": 2},
        {"customdata": "isk-entree-formatief"},
        {"customdata": "mbo-2-formatief-nee"},
        {"customdata": None},
    ],
)
def test_a_point_without_a_cell_key_is_no_cell(punt: dict[str, object]) -> None:
    assert punt_naar_cel(punt) is None


def test_wrapped_text_never_breaks_a_word_after_its_hyphen(beleid: Beleid) -> None:
    """'Onderwijsroute-organisaties' stays one word: no line ends on a hyphen inside a word."""
    stap = Stap(id="stap", wanneer="nu", titel="Stap", tekst="Bij de Onderwijsroute-organisaties gaat het zo.")
    teksten = [str(a.text) for a in tijdlijn_figuur((stap,)).layout.annotations]
    assert any("Onderwijsroute-organisaties" in tekst for tekst in teksten), teksten
    for ingeschreven in (False, True):
        for trace, i in _cellen(matrix_figuur(beleid, ingeschreven), ingeschreven).values():
            assert not re.search(r"\w-<br>", trace.hovertext[i]), trace.hovertext[i]
