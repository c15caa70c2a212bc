"""The start page: the summary with its kind, and per group every answer with its kind and the exception for
candidates who are in the mbo (alinea 1 puts it in the core of the decision)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from policy import Beleid, Doelgroep
from tests.conftest import open_pagina
from views.teksten import basis_kort, producten


@pytest.fixture(scope="module")
def at() -> AppTest:
    pagina = open_pagina(None)
    assert not pagina.exception
    return pagina


def _alles(at: AppTest) -> str:
    """The page's text as a reader sees it: a Markdown backslash escape shows only the character."""
    bron = " ".join(" ".join(e.value.split()) for e in [*at.markdown, *at.caption])
    return re.sub(r"\\([^\w\s])", r"\1", bron)


def test_summary_says_it_stands_in_the_bericht_and_names_it(at: AppTest, beleid: Beleid) -> None:
    tekst = _alles(at)
    basis = beleid.besluit.samenvatting_herkomst.basis
    assert basis is not None and basis_kort(beleid, basis) in tekst
    assert "Bron: het bericht van de" in tekst


@pytest.mark.parametrize("doelgroep", [Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute])
def test_each_group_shows_every_answer_with_its_kind_enrolled_or_not(
    at: AppTest, beleid: Beleid, doelgroep: Doelgroep
) -> None:
    teksten = [" ".join(m.value.split()) for m in at.markdown]
    begin = teksten.index(f"**{beleid.label('doelgroep', doelgroep)}**")
    koppen = {f"**{beleid.label('doelgroep', d)}**" for d in Doelgroep}
    eind = next((i for i in range(begin + 1, len(teksten)) if teksten[i] in koppen), len(teksten))
    kolom = " ".join(teksten[begin:eind])
    assert "in het mbo staat ingeschreven" in kolom
    for ingeschreven in (False, True):
        rij = [b for b in beleid.matrix(ingeschreven) if b.cel.doelgroep is doelgroep]
        for regel in {b.regel for b in rij}:
            cellen = [b.cel for b in rij if b.regel is regel]
            assert regel.basis is not None
            assert f"{producten(beleid, cellen)} *{basis_kort(beleid, regel.basis)}*" in kolom, (regel.id, kolom)


def test_vmbo_exception_is_a_yes(at: AppTest, beleid: Beleid) -> None:
    """The start page no longer shows vmbo as only 'Nee': the exception is there, as the text says."""
    assert any(b.toegang.value == "ja" for b in beleid.matrix(True) if b.cel.doelgroep is Doelgroep.vmbo)
    tekst = _alles(at)
    assert "✓ **Ja**" in tekst


def test_headings_do_not_skip_a_level_and_carry_no_link_icon(at: AppTest) -> None:
    """h1 then h2 (axe heading-order); no heading here is a link target, and each link icon is a Tab stop."""
    koppen = [*at.title, *at.header, *at.subheader]
    assert sorted(h.tag for h in koppen) == ["h1", "h2", "h2"]
    assert all(h.proto.hide_anchor for h in koppen)
