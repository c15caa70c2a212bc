"""Dated decisions side by side (issue 17): which one is current, what a pinned link opens, what changed.

Every test with two decisions builds the second one in a temporary folder (tests/conftest.py:
`maak_tweede_besluit`); it is never shipped as policy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policy import OnbekendeVersie, PolicyError, laad_versies, load_policy
from policy.domain import Cel, Doelgroep, Niveau, Vorm
from tests.conftest import (
    GEWIJZIGDE_CEL,
    TWEEDE_DATUM,
    TWEEDE_ID,
    VERVALLEN_FAQ,
    maak_tweede_besluit,
    regel_index,
    wijzig,
)
from views import versies as weergave
from views.wizard import stand

EERSTE_ID = "alv-2026-03-26"
CEL = Cel(Doelgroep.isk, Niveau.entree, Vorm.summatief, False)
ONGEWIJZIGD = Cel(Doelgroep.vmbo, Niveau.n2, Vorm.summatief, False)


def test_geleverd_is_een_besluit_en_dat_geldt() -> None:
    versies = laad_versies()
    assert versies.ids() == [EERSTE_ID]
    assert versies.huidig is load_policy() and versies.nieuwer(versies.huidig) is None


def test_het_nieuwste_vastgestelde_besluit_geldt(twee_besluiten: Path) -> None:
    versies = laad_versies()
    assert versies.ids() == [EERSTE_ID, TWEEDE_ID]
    assert load_policy().besluit.id == TWEEDE_ID == versies.kies(None).besluit.id
    oud = versies.kies(EERSTE_ID)
    assert oud.besluit.id == EERSTE_ID and versies.kies(f"  {EERSTE_ID.upper()} ") is oud
    assert versies.nieuwer(oud) is versies.huidig and versies.nieuwer(versies.huidig) is None


def test_een_voorstel_geldt_nooit(met_voorstel: Path) -> None:
    versies = laad_versies()
    assert versies.huidig.besluit.id == EERSTE_ID, "een voorstel is nooit het geldende beleid"
    assert versies.kies(TWEEDE_ID).besluit.status == "voorstel"
    assert versies.nieuwer(versies.huidig) is None and versies.paren()[0][1].besluit.id == TWEEDE_ID


@pytest.mark.parametrize("gevraagd", ["alv-2025-01-01", "<script>", "x" * 500, ""])
def test_onbekende_versie_noemt_de_bekende_en_nooit_de_invoer(twee_besluiten: Path, gevraagd: str) -> None:
    with pytest.raises(OnbekendeVersie) as fout:
        laad_versies().kies(gevraagd)
    assert fout.value.bekend == (EERSTE_ID, TWEEDE_ID) and EERSTE_ID in str(fout.value)
    assert gevraagd not in str(fout.value) or not gevraagd


def test_wijzigingen_per_cel_en_per_tekst(twee_besluiten: Path) -> None:
    from policy.wijzigingen import wijzigingen

    versies = laad_versies()
    w = wijzigingen(*versies.paren()[0])
    assert [v.cel for v in w.cellen] == [CEL]
    assert w.cellen[0].oud.toegang.value == "nee" and w.cellen[0].nieuw.toegang.value == "ja"
    assert "toegang" in w.cellen[0].velden
    assert {(t.soort, t.wat) for t in w.teksten} == {("faq", "gewijzigd"), ("faq", "vervallen"), ("begrip", "nieuw")}
    assert [t.id for t in w.van_soort("faq") if t.wat == "vervallen"] == [VERVALLEN_FAQ]
    assert w.veranderd([CEL]) and not w.veranderd([ONGEWIJZIGD])


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        (lambda d: d["besluit"].update(id=EERSTE_ID), "dit id heeft ook"),
        (lambda d: d["besluit"].update(datum="2026-11-21"), "mapnaam begint niet met de datum"),
        (lambda d: d["besluit"].update(status="scenario"), "vastgesteld of voorstel"),
    ],
    ids=["id-twee-keer", "datum-past-niet-bij-map", "scenario-gepubliceerd"],
)
def test_besluiten_naast_elkaar_worden_gecontroleerd(tmp_path: Path, wijziging: object, melding: str) -> None:
    map_ = maak_tweede_besluit(tmp_path / "besluiten")
    wijzig(map_ / "2026-11-20-alv", "besluit.yaml", wijziging)  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match=melding):
        laad_versies(map_)


def test_alleen_voorstellen_is_geen_beleid(tmp_path: Path) -> None:
    map_ = maak_tweede_besluit(tmp_path / "besluiten", status="voorstel")
    shutil.rmtree(map_ / "2026-03-26-alv")
    with pytest.raises(PolicyError, match="geen enkel besluit is vastgesteld"):
        laad_versies(map_)


# --- what a page says at the top (views/versies.py) --------------------------------------------------------
# (status of the second decision, the link's versie, the cell the answer covers) -> banner kind, words in it
MELDINGEN = [
    ("vastgesteld", None, CEL, None, None),
    ("vastgesteld", TWEEDE_ID, CEL, None, None),
    ("vastgesteld", EERSTE_ID, CEL, "nieuwer", "Het nieuwe besluit geeft op deze vraag een ander antwoord."),
    ("vastgesteld", EERSTE_ID, ONGEWIJZIGD, "nieuwer", "geeft op deze vraag hetzelfde antwoord"),
    ("voorstel", None, CEL, None, None),
    ("voorstel", EERSTE_ID, CEL, None, None),
    ("voorstel", TWEEDE_ID, CEL, "voorstel", "nog geen besluit over dit voorstel"),
    ("voorstel", TWEEDE_ID, CEL, "voorstel", "Het nieuwste besluit in deze app is het besluit van 26 maart 2026."),
    ("voorstel", TWEEDE_ID, CEL, "voorstel", "Het voorstel geeft op deze vraag een ander antwoord."),
    (
        "vastgesteld",
        "alv-1999-01-01",
        CEL,
        "onbekend",
        "Deze versies zijn er wel: het besluit van 20 november 2026 (alv-2026-11-20), "
        "het besluit van 26 maart 2026 (alv-2026-03-26).",
    ),
]


@pytest.mark.parametrize(("status", "versie", "cel", "soort", "woorden"), MELDINGEN)
def test_melding_boven_een_antwoord(
    tmp_path: Path, status: str, versie: str | None, cel: Cel, soort: str | None, woorden: str | None
) -> None:
    versies = laad_versies(maak_tweede_besluit(tmp_path / "besluiten", status=status))
    keuze = weergave.kies({"versie": versie} if versie else {}, versies)
    melding = weergave.melding(versies, keuze, [cel])
    assert (melding.soort if melding else None) == soort
    if melding is not None:
        assert woorden is not None and woorden in " ".join(melding.tekst)
        if soort == "nieuwer":
            assert melding.kop == "Er is een nieuwer besluit van 20 november 2026"
            assert melding.link_versie == TWEEDE_ID


def test_melding_zegt_geen_ander_antwoord_als_alleen_de_uitleg_anders_is(tmp_path: Path) -> None:
    # Formative Entree for ISK stays "Ja" in the second decision; only its summary is reworded.
    map_ = maak_tweede_besluit(tmp_path / "besluiten")

    def uitleg(data: dict[str, object]) -> None:
        regel = data["regels"][regel_index(data, "isk_entree_formatief")]  # type: ignore[index]
        regel["samenvatting"] = regel["samenvatting"] + " Anders gezegd."

    wijzig(map_ / f"{TWEEDE_DATUM}-alv", "regels.yaml", uitleg)
    versies = laad_versies(map_)
    formatief = Cel(Doelgroep.isk, Niveau.entree, Vorm.formatief, False)
    melding = weergave.melding(versies, weergave.kies({"versie": EERSTE_ID}, versies), [formatief])
    assert melding is not None
    tekst = " ".join(melding.tekst)
    assert "Het antwoord blijft Ja. De uitleg of de voorwaarden zijn anders." in tekst
    assert "ander antwoord" not in tekst and "hetzelfde antwoord" not in tekst


@pytest.mark.parametrize(
    ("cellen", "label"), [(None, "Bekijk deze pagina volgens"), ([CEL], "Bekijk deze vraag volgens")]
)
def test_link_in_de_melding_noemt_een_vraag_alleen_bij_een_antwoord(
    tmp_path: Path, cellen: list[Cel] | None, label: str
) -> None:
    versies = laad_versies(maak_tweede_besluit(tmp_path / "besluiten", status="voorstel"))
    melding = weergave.melding(versies, weergave.kies({"versie": TWEEDE_ID}, versies), cellen)
    assert melding is not None and melding.link_tekst == f"{label} het besluit van 26 maart 2026"


def test_vergelijking_in_woorden_met_beide_citaten(twee_besluiten: Path) -> None:
    versies = laad_versies()
    (vergelijking,) = weergave.vergelijkingen(versies)
    (cel,) = vergelijking.cellen
    assert vergelijking.kop == "Van het besluit van 26 maart 2026 naar het besluit van 20 november 2026"
    assert (cel.oud.label, cel.nieuw.label) == ("Nee", "Ja")
    assert cel.oud.bronnen and cel.nieuw.bronnen and "het antwoord" in cel.wat
    oud = stand(versies.kies(EERSTE_ID), GEWIJZIGDE_CEL).beslissing
    assert oud is not None and cel.oud.samenvatting == " ".join(oud.regel.samenvatting.split())


def test_een_vastgesteld_voorstel_krijgt_een_eigen_map_en_het_voorstel_blijft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README, 'Een volgend besluit publiceren', step 8: the proposal's folder stays as it was, the adopted
    decision is a new folder with its own id, and links to the proposal keep opening the proposal."""
    map_ = maak_tweede_besluit(tmp_path, status="voorstel")
    voorstel = map_ / f"{TWEEDE_DATUM}-alv-voorstel"
    (map_ / f"{TWEEDE_DATUM}-alv").rename(voorstel)
    wijzig(voorstel, "besluit.yaml", lambda data: data["besluit"].update(id=f"voorstel-{TWEEDE_ID}"))
    besluit = map_ / f"{TWEEDE_DATUM}-alv"
    shutil.copytree(voorstel, besluit)
    wijzig(besluit, "besluit.yaml", lambda data: data["besluit"].update(id=TWEEDE_ID, status="vastgesteld"))
    monkeypatch.setenv("TOEGANGSWIJZER_BESLUITEN", str(map_))

    versies = laad_versies()
    assert versies.ids() == [EERSTE_ID, TWEEDE_ID, f"voorstel-{TWEEDE_ID}"]
    assert versies.huidig.besluit.id == TWEEDE_ID
    gepind = versies.kies(f"voorstel-{TWEEDE_ID}")
    assert gepind.besluit.status == "voorstel"
    melding = weergave.melding(versies, weergave.Keuze(gepind, True, False))
    assert melding is not None and melding.soort == "voorstel" and melding.link_versie == TWEEDE_ID


EERDER_NEE = "Dit antwoord is anders dan in het besluit van 26 maart 2026: toen was het Nee."


def test_een_nieuw_antwoord_zegt_wat_het_vorige_besluit_antwoordde(twee_besluiten: Path) -> None:
    versies = laad_versies()
    nieuw, oud = versies.kies(TWEEDE_ID), versies.kies(EERSTE_ID)
    assert weergave.eerder_anders(versies, nieuw, [CEL]) == EERDER_NEE
    assert weergave.eerder_anders(versies, nieuw, [ONGEWIJZIGD]) is None, "the same yes or no: nothing to say"
    assert weergave.eerder_anders(versies, oud, [CEL]) is None, "the first decision has none before it"


def test_een_voorstel_zegt_niet_dat_het_antwoord_anders_is_dan_eerder(met_voorstel: Path) -> None:
    """Its banner already says how it differs from the decision; 'toen' would make the proposal current."""
    versies = laad_versies()
    assert weergave.eerder_anders(versies, versies.kies(TWEEDE_ID), [CEL]) is None
