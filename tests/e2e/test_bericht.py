"""What only a browser shows on the page with the bericht: a source link (`?alinea=N`) lands on that paragraph."""

from __future__ import annotations

from typing import Any

import pytest

from bench.server import Server
from tests.e2e.hulp import open_pagina

pytestmark = pytest.mark.e2e

_POSITIE = """(id) => {
    const kop = document.getElementById(id);
    if (!kop) { return null; }
    const r = kop.getBoundingClientRect();
    return {boven: r.top, hoogte: window.innerHeight, focus: document.activeElement === kop};
}"""


@pytest.mark.parametrize("alinea", [6, 2])
def test_bronlink_landt_op_de_alinea(pagina: Any, server: Server, alinea: int) -> None:
    open_pagina(pagina, f"{server.url}/besluit?alinea={alinea}")
    # Wait for the state (the heading at the top of the view), not for a time.
    pagina.wait_for_function(
        "(id) => { const k = document.getElementById(id); if (!k) return false;"
        " const t = k.getBoundingClientRect().top; return t >= 0 && t < 200; }",
        arg=f"alinea-{alinea}",
    )
    positie = pagina.evaluate(_POSITIE, f"alinea-{alinea}")
    assert positie["focus"], "de kop van de alinea krijgt de focus (schermlezer, toetsenbord)"


def test_zonder_alinea_blijft_de_pagina_bovenaan(pagina: Any, server: Server) -> None:
    open_pagina(pagina, f"{server.url}/besluit")
    positie = pagina.evaluate(_POSITIE, "alinea-6")
    assert positie["boven"] > positie["hoogte"], "zonder verwijzing springt de pagina niet naar een alinea"
