"""The presentation: its screens come from the policy, and it runs start to end by button and by URL."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from policy import Basis, Beleid, Doelgroep, Toegang, load_policy
from policy.checks import normaliseer
from tests.conftest import open_pagina
from views.figuren import AFGELEID, raster_figuur, raster_rij, tijdlijn_figuur
from views.presentatie import (
    GROEPEN,
    groepsrij,
    positie,
    preciezer,
    regie_voorwaarden,
    scherm_nummer,
    schermen,
)
from views.qr import GEEN_ADRES, OMGEVINGSVARIABELE
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, basis_kort


def test_sequence_is_built_from_policy(beleid: Beleid) -> None:
    lijst = schermen(beleid)
    assert [s.soort for s in lijst] == [
        "aanleiding",
        "proces",
        "kern",
        "groep",
        "groep",
        "groep",
        "regie",
        "doelen",
        "afsluiting",
    ]
    assert len({s.id for s in lijst}) == len(lijst)
    b = beleid.besluit
    aanleiding, proces, kern = lijst[:3]
    assert aanleiding.titel == b.aanleiding.titel and aanleiding.citaten == b.aanleiding.bronnen
    assert proces.stappen == b.proces
    assert [s.wanneer for s in proces.stappen] == ["november 2025", "na november 2025", "26 maart 2026"]
    assert kern.citaten == b.kern
    assert lijst[7].punten and [p.titel for p in lijst[7].punten] == [d.titel for d in b.doelen]


def test_one_screen_per_group_with_its_row(beleid: Beleid) -> None:
    groepen = [s for s in schermen(beleid) if s.soort == "groep"]
    assert [s.doelgroep for s in groepen] == [Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute]
    for scherm in groepen:
        assert scherm.doelgroep is not None
        verwacht = [b for b in beleid.matrix(ingeschreven_in_mbo=False) if b.cel.doelgroep == scherm.doelgroep]
        assert list(scherm.rij) == verwacht == groepsrij(beleid, scherm.doelgroep)
        assert len(scherm.rij) == 8
        assert scherm.titel == beleid.label("doelgroep", scherm.doelgroep)
        assert scherm.redenen and all(r in {b.reden for b in scherm.rij} for r in scherm.redenen)
        # Little text on a projector: the first quote of each rule the text states itself, once (of every
        # rule when the group has no stated one, as vmbo: "examens" is stated, the formative products follow).
        alle = {b.regel.id: b.regel for b in scherm.rij}
        eigen = {i: r for i, r in alle.items() if r.basis == Basis.expliciet} or alle
        assert list(scherm.citaten) == list(dict.fromkeys(r.bronnen[0] for r in eigen.values()))
        ingeschreven = {b.regel.id: b for b in groepsrij(beleid, scherm.doelgroep, True)}
        assert len(ingeschreven) == 1
        (wel,) = ingeschreven.values()
        # On a projector only the answer itself: the first sentence of the rule's summary.
        assert scherm.ingeschreven is not None
        assert " ".join(wel.regel.samenvatting.split()).startswith(scherm.ingeschreven)
        assert scherm.ingeschreven.endswith(".") and scherm.ingeschreven.count(". ") == 0
        assert scherm.ingeschreven_afgeleid == (wel.basis == Basis.afgeleid)
        assert scherm.heeft_afgeleid == any(b.basis == Basis.afgeleid for b in scherm.rij)


def test_isk_screen_marks_its_derived_cell(beleid: Beleid) -> None:
    isk = next(s for s in schermen(beleid) if s.doelgroep == Doelgroep.isk)
    assert isk.heeft_afgeleid and isk.ingeschreven_afgeleid
    teksten = raster_rij(raster_figuur(beleid, (Doelgroep.isk,), rijnamen=False))
    afgeleid = [AFGELEID in t for t in teksten]
    assert afgeleid == [b.basis == Basis.afgeleid for b in isk.rij] and any(afgeleid)


def test_kern_screen_points_to_the_narrower_paragraph(beleid: Beleid) -> None:
    """The summary at the top says 'ISK toegang tot Entreeproducten'; alinea 4 says only the formative ones."""
    kern = next(s for s in schermen(beleid) if s.soort == "kern")
    assert kern.punten == preciezer(beleid)
    assert [p.titel for p in kern.punten] == ["Alinea 4 is preciezer over ISK"]
    (bron,) = kern.punten[0].bronnen
    assert bron.alinea == 4 and "formatieve Entreeproducten" in bron.citaat
    assert "formatieve" not in kern.citaten[0].citaat.split("ISK")[1].split("Onderwijsroute")[0]


def test_closing_screen_says_what_it_is_for(beleid: Beleid) -> None:
    slot = schermen(beleid)[-1]
    assert slot.soort == "afsluiting"
    assert "nakijken" not in slot.titel.lower()  # read as marking exams
    assert "telefoon" in " ".join(slot.tekst)


def test_grid_row_of_each_group_screen_matches_the_matrix(beleid: Beleid) -> None:
    for doelgroep in GROEPEN:
        fig = raster_figuur(beleid, (doelgroep,), rijnamen=False)
        verwacht = [f"{TOEGANG_SYMBOOL[b.toegang]} {TOEGANG_LABEL[b.toegang]}" for b in groepsrij(beleid, doelgroep)]
        assert [t.split("<br>")[0] for t in raster_rij(fig)] == verwacht
    isk = [b.toegang for b in groepsrij(beleid, Doelgroep.isk)]
    assert isk == [Toegang.ja] + [Toegang.nee] * 7  # only formative Entree


def test_regie_screen_shows_the_three_conditions(beleid: Beleid) -> None:
    assert [v.id for v in regie_voorwaarden(beleid)] == [
        "via_mbo_instelling",
        "geen_rechtstreekse_levering",
        "instelling_beslist_zelf",
    ]
    regie = next(s for s in schermen(beleid) if s.soort == "regie")
    assert [p.titel for p in regie.punten] == [v.titel for v in regie_voorwaarden(beleid)]
    assert all(p.bronnen for p in regie.punten)


def test_every_quote_on_screen_is_verbatim(beleid: Beleid) -> None:
    for scherm in schermen(beleid):
        bronnen = [*scherm.citaten, *(b for p in scherm.punten for b in p.bronnen)]
        bronnen += [b for stap in scherm.stappen for b in stap.bronnen]
        for bron in bronnen:
            assert normaliseer(bron.citaat) in beleid.alineas[bron.alinea], (scherm.id, bron.citaat)


def test_timeline_figure_shows_every_step(beleid: Beleid) -> None:
    fig = tijdlijn_figuur(beleid.besluit.proces)
    teksten = " ".join(str(a.text) for a in fig.layout.annotations)
    for stap in beleid.besluit.proces:
        assert stap.wanneer in teksten


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("3", 3),
        ("9", 9),
        (" 2 ", 2),
        (["4"], 4),
        (None, 1),
        ("", 1),
        ("0", 1),
        ("10", 1),
        ("-1", 1),
        ("abc", 1),
        ("3.5", 1),
        ("٣", 1),
        ("1e3", 1),
        ("9" * 200, 1),
    ],
)
def test_screen_number_from_url_falls_back_to_one(waarde: object, verwacht: int) -> None:
    assert scherm_nummer(waarde, 9) == verwacht


def test_position_text() -> None:
    assert positie(3, 9) == "Scherm 3 van 9"


# --- the page -------------------------------------------------------------------------------------


def _pagina(scherm: str | None = None) -> AppTest:
    at = open_pagina("presentatie", {"scherm": scherm} if scherm is not None else None)
    assert not at.exception, at.exception
    return at


def _positie(at: AppTest) -> str:
    return next(m.value.split(" · ")[0] for m in at.markdown if m.value.startswith("**Scherm "))


def test_page_runs_start_to_end_by_button(beleid: Beleid) -> None:
    aantal = len(schermen(beleid))
    at = _pagina()
    assert _positie(at) == f"**Scherm 1 van {aantal}**"
    assert at.button(key="pres-vorige").disabled
    for nummer in range(2, aantal + 1):
        at.button(key="pres-volgende").click()
        at.run()
        assert not at.exception, at.exception
        assert _positie(at) == f"**Scherm {nummer} van {aantal}**"
        assert at.query_params["scherm"] == str(nummer)
    assert at.button(key="pres-volgende").disabled
    at.button(key="pres-vorige").click()
    at.run()
    assert _positie(at) == f"**Scherm {aantal - 1} van {aantal}**"


@pytest.mark.parametrize("scherm", ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
def test_page_opens_every_screen_by_url(scherm: str) -> None:
    at = _pagina(scherm)
    assert _positie(at) == f"**Scherm {scherm} van 9**"


@pytest.mark.parametrize("scherm", ["0", "42", "abc", "<script>", "-3"])
def test_page_falls_back_to_first_screen(scherm: str) -> None:
    at = _pagina(scherm)
    assert _positie(at) == "**Scherm 1 van 9**"
    assert at.query_params["scherm"] == "1"
    assert "script" not in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("start", "knop", "doel"),
    [
        ("3", "pres-pagedown", 4),
        ("3", "pres-pageup", 2),
        ("1", "pres-pageup", 1),
        ("9", "pres-pagedown", 9),
        ("5", "pres-home", 1),
        ("5", "pres-end", 9),
    ],
)
def test_clicker_keys_move_between_screens(start: str, knop: str, doel: int) -> None:
    """PageDown/PageUp (what clickers send) and Home/End each have a button with that shortcut."""
    at = _pagina(start)
    at.button(key=knop).click()
    at.run()
    assert _positie(at) == f"**Scherm {doel} van 9**"
    assert at.query_params["scherm"] == str(doel)


def test_b_blanks_the_screen_until_b_or_a_move() -> None:
    at = _pagina("4")

    def zwart() -> bool:
        return any("pres-zwart" in str(h.proto.body) for h in at.get("html"))

    assert not zwart()
    at.button(key="pres-zwart").click()
    at.run()
    assert zwart()
    at.button(key="pres-zwart").click()
    at.run()
    assert not zwart()
    at.button(key="pres-zwart").click()
    at.run()
    at.button(key="pres-pagedown").click()
    at.run()
    assert not zwart() and _positie(at) == "**Scherm 5 van 9**"


def test_closing_screen_without_a_known_address_says_so_and_shows_no_code() -> None:
    """AppTest has no browser address and no Host header: no QR code to a guessed address."""
    at = _pagina("9")
    assert [w.value for w in at.warning] == [GEEN_ADRES]
    assert not at.get("image")


def test_closing_screen_with_a_configured_address_shows_code_and_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OMGEVINGSVARIABELE, "https://toegangswijzer.example.nl")
    at = _pagina("9")
    assert not at.warning
    assert len(at.get("image")) == 1
    pinned = f"toegangswijzer.example.nl/licht/?versie={load_policy().besluit.id}"
    assert any(pinned in m.value for m in at.markdown), "the hall's phones keep this decision"  # ":" is escaped


def test_group_screens_label_what_follows_from_the_bericht(beleid: Beleid) -> None:
    """A group screen with a derived answer says what 'afgeleid' in its grid means; quotes are the bericht's."""
    for nummer, scherm in enumerate(schermen(beleid), start=1):
        if scherm.soort != "groep":
            continue
        at = _pagina(str(nummer))
        onderschriften = [c.value for c in at.caption]
        assert (f"{AFGELEID}: {basis_kort(beleid, Basis.afgeleid)}." in onderschriften) == scherm.heeft_afgeleid
        koppen = [k.value for k in at.header]
        assert "Uit het bericht" in koppen and "Uit het besluit" not in koppen


def test_points_carry_their_kind(beleid: Beleid) -> None:
    """A condition or aim on a screen keeps its kind, so a derived one can be labelled."""
    regie = next(s for s in schermen(beleid) if s.soort == "regie")
    assert [p.basis for p in regie.punten] == [v.basis for v in regie_voorwaarden(beleid)]
    doelen = next(s for s in schermen(beleid) if s.soort == "doelen")
    assert [p.basis for p in doelen.punten] == [d.basis for d in beleid.besluit.doelen]
