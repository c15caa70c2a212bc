"""The keuzehulp's routes as a table (tests/routes.yaml), and what must hold on every route the wizard can take."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from policy import Beleid, Toegang
from policy.domain import DIMENSIE, bestaat
from views import wizard
from views.uitleg import VERANDERBAAR, uitleg

ROUTES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "routes.yaml").read_text("utf-8"))["routes"]


@pytest.mark.parametrize("route", ROUTES, ids=[r["naam"] for r in ROUTES])
def test_route_table(beleid: Beleid, route: dict[str, Any]) -> None:
    params = {k: str(v) for k, v in route["antwoorden"].items()}
    stand = wizard.stand(beleid, params)
    assert [v for v, _ in stand.route] == route["vragen"]
    assert stand.vraag is None and stand.beslissing is not None
    assert stand.beslissing.toegang is Toegang(route["toegang"])
    # Asked one question at a time from the start, the same route is taken (a shared link may skip `rol`).
    stap: dict[str, str] = {}
    for vraag in route["vragen"] if route["vragen"][0] == wizard.ROL else []:
        huidig = wizard.stand(beleid, stap)
        assert huidig.vraag == vraag
        sleutel = wizard.URL_SLEUTEL[vraag]
        stap[sleutel] = params[sleutel]


def test_the_table_reaches_every_group_and_outcome(beleid: Beleid) -> None:
    assert {r["toegang"] for r in ROUTES} == {t.value for t in Toegang}
    assert len(wizard.alle_uitkomsten(beleid)) > len(ROUTES)


def test_every_route_answers_for_every_cell_it_covers(beleid: Beleid) -> None:
    for stand in wizard.alle_uitkomsten(beleid):
        assert stand.beslissing is not None and stand.cellen
        for cel in stand.cellen:
            assert beleid.decide(*cel).regel is stand.beslissing.regel, (stand.route, cel)


def test_what_would_change_holds_for_every_cell_the_answer_covers(beleid: Beleid) -> None:
    """Each 'what if' line names, for every covered cell with that one answer changed, the policy's answer."""
    for stand in wizard.alle_uitkomsten(beleid):
        assert stand.beslissing is not None
        u = uitleg(beleid, stand.beslissing, stand.cellen)
        genoemd: set[tuple[str, object]] = set()
        for verandering in u.veranderingen:
            waarden = verandering.waarde if isinstance(verandering.waarde, tuple) else (verandering.waarde,)
            verwacht = {c._replace(**{verandering.dimensie: w}) for c in stand.cellen for w in waarden}
            verwacht = {c for c in verwacht if bestaat(c)}
            gedekt = {c for deel in verandering.delen for c in deel.cellen}
            assert gedekt == verwacht, (stand.route, verandering.tekst)
            for deel in verandering.delen:
                for cel in deel.cellen:
                    assert beleid.decide(*cel).toegang is deel.toegang, (stand.route, verandering.tekst, cel)
            if len(verandering.delen) == 1:
                assert verandering.delen[0].voor is None
            else:
                assert all(deel.voor for deel in verandering.delen), verandering.tekst
            genoemd |= {(verandering.dimensie, w) for w in waarden}
        # Complete: every single change that changes the rule for some covered cell is named.
        for dimensie in VERANDERBAAR:
            eigen = {getattr(c, dimensie.veld) for c in stand.cellen}
            if len(eigen) > 1:
                continue
            for waarde in dimensie.waarden:
                vervanging: dict[str, Any] = {dimensie.veld: waarde}  # Any: the type of this dimension's values
                anders = {
                    beleid.decide(*c._replace(**vervanging)).regel.id
                    for c in stand.cellen
                    if bestaat(c._replace(**vervanging))
                }
                if waarde not in eigen and anders - {stand.beslissing.regel.id}:
                    assert (dimensie.veld, waarde) in genoemd, (stand.route, dimensie.veld, waarde)
        assert bool(u.veranderingen) != bool(u.niets_verandert)


def test_progress_is_honest_and_steady(beleid: Beleid) -> None:
    """'Vraag n van a tot b': n counts up by one, the range only narrows and always holds the route's length."""
    for uitkomst in wizard.alle_uitkomsten(beleid):
        lengte = len(uitkomst.route)
        vorig = (0, 99)
        for n in range(lengte):
            stap = wizard.stand(beleid, {wizard.URL_SLEUTEL[v]: w for v, w in uitkomst.route[:n]})
            assert stap.nummer == n + 1
            assert stap.minimum <= lengte <= stap.maximum, (uitkomst.route, n)
            assert vorig[0] <= stap.minimum and stap.maximum <= vorig[1], (uitkomst.route, n)
            vorig = (stap.minimum, stap.maximum)


def test_changing_an_answer_keeps_its_place_in_the_count(beleid: Beleid) -> None:
    for uitkomst in wizard.alle_uitkomsten(beleid):
        params = {wizard.URL_SLEUTEL[v]: w for v, w in uitkomst.route}
        for plek, (vraag, _) in enumerate(uitkomst.route):
            stand = wizard.stand(beleid, {**params, wizard.WIJZIG: wizard.URL_SLEUTEL[vraag]})
            assert stand.vraag == vraag and stand.beslissing is None
            assert stand.nummer == plek + 1
            assert stand.minimum <= len(uitkomst.route) <= stand.maximum


def test_dimensions_are_the_wizard_questions(beleid: Beleid) -> None:
    assert set(DIMENSIE) | {wizard.ROL} == {v.id for v in beleid.vragen}
