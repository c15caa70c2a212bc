"""The presentation for the ledenvergadering as data: its screen model. No Streamlit, no figures here.

The sequence of screens is built from the policy (`schermen`): the page only draws what it gets
(the figures are in `views.figuren`). The only fixed wording here are screen headings and
instructions; every policy sentence and every quote comes from `beleid`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from policy import Basis, Beleid, Beslissing, Doelgroep, Toegang
from policy.models import Bron, Regel, Stap, Voorwaarde
from policy.wijzigingen import Soort as TekstSoort
from policy.wijzigingen import wijzigingen
from views.figuren import cel_naam
from views.teksten import TOEGANG_LABEL, soort_besluit
from views.versies import naam

Soort = Literal["aanleiding", "proces", "kern", "wijzigingen", "groep", "regie", "doelen", "afsluiting"]
# The changed answers a screen lists one by one; more are counted ("en 3 andere"): few words at the back.
MEESTE_WIJZIGINGEN = 5
# Counted, not listed, on the changes screen: the rest is on the versions page.
_TEKST_SOORT: dict[TekstSoort, tuple[str, str]] = {
    "voorwaarde": ("voorwaarde", "voorwaarden"),
    "faq": ("veelgestelde vraag", "veelgestelde vragen"),
    "begrip": ("begrip", "begrippen"),
}

# The groups the decision is about, each with its own screen, in the order of the decision text.
GROEPEN: tuple[Doelgroep, ...] = (Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute)


@dataclass(frozen=True)
class Punt:
    """One item in a list on a screen (a condition, an aim) with the quotes it rests on."""

    titel: str
    uitleg: str | None = None
    bronnen: tuple[Bron, ...] = ()
    basis: Basis | None = None  # whether the bericht says it or it follows from it; shown when derived


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
    ingeschreven_afgeleid: bool = False
    stappen: tuple[Stap, ...] = ()
    punten: tuple[Punt, ...] = ()

    @property
    def heeft_afgeleid(self) -> bool:
        """Whether a cell of the group's row follows from the text rather than standing in it."""
        return any(b.basis == Basis.afgeleid for b in self.rij)


T = TypeVar("T")


def _uniek(items: Iterable[T]) -> list[T]:
    gezien: list[T] = []
    for item in items:
        if item not in gezien:
            gezien.append(item)
    return gezien


def groepsrij(beleid: Beleid, doelgroep: Doelgroep, ingeschreven_in_mbo: bool = False) -> list[Beslissing]:
    """One row of the matrix: every product and form for one group, in the matrix order."""
    return [b for b in beleid.matrix(ingeschreven_in_mbo) if b.cel.doelgroep == doelgroep]


def _eerste_citaten(regels: list[Regel]) -> tuple[Bron, ...]:
    """Each rule's first quote (the one that says it), once: a projector screen carries little text."""
    return tuple(_uniek(b for r in regels for b in r.bronnen[:1] if isinstance(b, Bron)))


def _groepsscherm(beleid: Beleid, doelgroep: Doelgroep) -> Scherm:
    rij = groepsrij(beleid, doelgroep)
    regels = _uniek([b.regel for b in rij])
    # The reason and quotes of what the text says itself; derived answers only when there is nothing else.
    uitleg = [r for r in regels if r.basis == Basis.expliciet] or regels
    redenen = tuple(str(r) for r in _uniek([r.reden for r in uitleg]))
    ingeschreven = _uniek([b.regel for b in groepsrij(beleid, doelgroep, True)])
    een = ingeschreven[0] if len(ingeschreven) == 1 else None
    return Scherm(
        id=f"groep-{doelgroep.value}",
        soort="groep",
        titel=beleid.label("doelgroep", doelgroep),
        doelgroep=doelgroep,
        rij=tuple(rij),
        redenen=redenen,
        citaten=_eerste_citaten(uitleg),
        ingeschreven=eerste_zin(een.samenvatting) if een else None,
        ingeschreven_afgeleid=een is not None and een.basis == Basis.afgeleid,
    )


def eerste_zin(tekst: str) -> str:
    """The first sentence: the answer itself, without the explanation that follows it on screen."""
    return re.split(r"(?<=[.!?])\s+", " ".join(tekst.split()), maxsplit=1)[0]


def preciezer(beleid: Beleid) -> tuple[Punt, ...]:
    """Where a group's own paragraph is narrower than the summary at the top of the text.

    The summary names what a group gets in one phrase; when the group's row is split (some products
    yes, some no), only its own paragraph says which. That paragraph's quote of the "yes" goes on the
    kern screen, so the summary is never read as wider than the decision.
    """
    punten = []
    for doelgroep in GROEPEN:
        rij = groepsrij(beleid, doelgroep)
        if len({b.toegang for b in rij}) < 2:
            continue
        ja = _uniek([b.regel for b in rij if b.toegang == Toegang.ja and b.basis == Basis.expliciet])
        for bron in _eerste_citaten(ja):
            titel = f"Alinea {bron.alinea} is preciezer over {beleid.label('doelgroep', doelgroep)}"
            punten.append(Punt(titel, bronnen=(bron,)))
    return tuple(punten)


def regie_voorwaarden(beleid: Beleid) -> list[Voorwaarde]:
    """The conditions on every "ja" for the groups outside the mbo: how the mbo-instelling keeps the regie."""
    ja = [b for d in GROEPEN for b in groepsrij(beleid, d) if b.toegang == Toegang.ja]
    return [v for v in beleid.voorwaarden if ja and all(v in b.voorwaarden for b in ja)]


PROCES_TITEL = {"besluit": "Zo is het besluit genomen", "voorstel": "Zo is dit voorstel gemaakt"}


def wijzigingsscherm(vorige: Beleid, beleid: Beleid) -> Scherm:
    """'Wat verandert er': per changed answer one line ('ISK · Entree · summatief: Nee → Ja'), the rest counted.

    A cell whose yes or no stays but whose conditions or wording change is counted, not listed; so are the
    conditions, FAQ and glossary entries. The versions page (/versies) has all of it with the quotes.
    """
    w = wijzigingen(vorige, beleid)
    anders = [v for v in w.cellen if v.oud.toegang != v.nieuw.toegang]
    regels = [
        f"{cel_naam(beleid, v.cel)}{' (ingeschreven in het mbo)' if v.cel.ingeschreven_in_mbo else ''}: "
        f"{TOEGANG_LABEL[v.oud.toegang]} → {TOEGANG_LABEL[v.nieuw.toegang]}"
        for v in anders[:MEESTE_WIJZIGINGEN]
    ]
    if len(anders) > MEESTE_WIJZIGINGEN:
        regels.append(f"en {len(anders) - MEESTE_WIJZIGINGEN} andere")
    voorstel = soort_besluit(beleid) == "voorstel"
    if not anders:
        # A proposal changes nothing until the ALV adopts it: say so in its tense.
        regels.append("Het voorstel verandert geen antwoord." if voorstel else "Geen antwoord is anders.")
    ook: list[str] = []
    if rest := len(w.cellen) - len(anders):
        ook.append(f"{rest} {'antwoord' if rest == 1 else 'antwoorden'} met andere voorwaarden of uitleg")
    for soort, (een, meer) in _TEKST_SOORT.items():
        if aantal := len(w.van_soort(soort)):
            ook.append(f"{aantal} {een if aantal == 1 else meer}")
    return Scherm(
        id="wijzigingen",
        soort="wijzigingen",
        titel="Wat verandert er als de ALV het voorstel aanneemt?" if voorstel else "Wat verandert er",
        tekst=(f"Van {naam(vorige)} naar {naam(beleid)}",),
        punten=tuple(Punt(r) for r in regels),
        redenen=(f"Ook anders: {', '.join(ook)}.",) if ook else (),
    )


def schermen(beleid: Beleid, vorige: Beleid | None = None) -> list[Scherm]:
    """The whole presentation, in order, drawn from the policy.

    `vorige`: the adopted decision before this one (a proposal or a new decision): then a screen says what
    changes, right after the kern.
    """
    b = beleid.besluit
    lijst = [
        Scherm(
            id="aanleiding",
            soort="aanleiding",
            titel=b.aanleiding.titel,
            tekst=(b.aanleiding.tekst,),
            citaten=b.aanleiding.bronnen,
        ),
        # A proposal is not taken yet: its steps are how it was made, not how it was decided.
        Scherm(id="proces", soort="proces", titel=PROCES_TITEL[soort_besluit(beleid)], stappen=b.proces),
        Scherm(
            id="kern",
            soort="kern",
            titel=f"De kern van het {soort_besluit(beleid)}",
            # The quote itself, and where a group's paragraph is narrower: no summary in our words on top
            # (the start page has it); at the back of a hall less text is more.
            citaten=b.kern,
            punten=preciezer(beleid),
        ),
    ]
    if vorige is not None:
        lijst.append(wijzigingsscherm(vorige, beleid))
    lijst += [_groepsscherm(beleid, d) for d in GROEPEN]
    voorwaarden = regie_voorwaarden(beleid)
    lijst.append(
        Scherm(
            id="regie",
            soort="regie",
            titel="De mbo-instelling houdt de regie over de examens",
            punten=tuple(Punt(v.titel, v.uitleg, v.bronnen, v.basis) for v in voorwaarden),
        )
    )
    doel_bronnen = tuple(x for x in _uniek([br for d in b.doelen for br in d.bronnen]) if isinstance(x, Bron))
    lijst.append(
        Scherm(
            id="doelen",
            soort="doelen",
            titel="Wat het beleid wil bereiken",
            punten=tuple(Punt(d.titel, basis=d.basis) for d in b.doelen),
            citaten=doel_bronnen,
        )
    )
    lijst.append(
        Scherm(
            id="afsluiting",
            soort="afsluiting",
            titel="Wat geldt voor u? Zoek het zelf op",
            tekst=("Open de Toegangswijzer op uw telefoon: scan de code of typ het adres.",),
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
