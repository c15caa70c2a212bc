"""What the server does around the pages: check the policy once at start, and fail politely in Dutch."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st
from streamlit.logger import get_logger

from policy import laad_versies

_LOG = get_logger("toegangswijzer")

# The one wording of an unexpected error, for every edition (Streamlit page, light page, API): `{code}` is
# the foutcode, marked up by whoever shows it.
FOUTMELDING = (
    "Er ging iets mis bij het tonen van deze pagina. Laad de pagina opnieuw of ga naar de startpagina. "
    "Blijft het misgaan? Meld dan deze foutcode: {code}."
)


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Load and prove every decision before the first visitor; an exception here stops the server with the reason."""
    versies = laad_versies()
    beleid = versies.huidig
    _LOG.info(
        "beleid geladen en gecontroleerd: %s geldt (%s); versies: %s", beleid.besluit.id, beleid.pad, versies.ids()
    )
    yield


def meld_fout(fout: BaseException, waar: str = "") -> str:
    """Log the exception with its traceback under a new foutcode, and return the code to show the visitor.

    Eight hex digits: short enough to read out over the phone, and with a few errors a day never twice.
    """
    code = secrets.token_hex(4).upper()
    _LOG.error("foutcode %s%s: %s", code, f" ({waar})" if waar else "", fout, exc_info=fout)
    return code


def toon_fout(fout: Exception) -> bool:
    """Instead of Streamlit's English crash screen: a Dutch message with a code that finds the traceback in the log."""
    code = meld_fout(fout)
    st.error(FOUTMELDING.format(code=f"**{code}**"), icon=":material/error:")
    return True  # handled: Streamlit shows nothing of its own
