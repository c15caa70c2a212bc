"""Where a page's rerun time goes: cProfile over AppTest reruns of one page (no server, no browser).

  .venv/bin/python bench/profile_rerun.py matrix --repeats 10 --top 25

Prints the functions with the most cumulative time, the app's own files first. Bounded: repeats <= 100.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path
from typing import Any
from unittest import mock

# bench/profile.py would shadow the stdlib `profile` that cProfile imports: drop bench/ from the path.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
import cProfile  # noqa: E402
import pstats  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "start": (None, {}),
    "keuzehulp": (str(ROOT / "pages/keuzehulp.py"), {"doelgroep": "isk", "niveau": "entree"}),
    "matrix": (str(ROOT / "pages/matrix.py"), {}),
    "faq": (str(ROOT / "pages/faq.py"), {}),
}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("page", choices=sorted(PAGES))
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--top", type=int, default=25)
    a = p.parse_args()
    if not 1 <= a.repeats <= 100:
        p.error("repeats 1..100")
    from streamlit.testing.v1 import AppTest

    page, params = PAGES[a.page]
    at = AppTest.from_file(str(ROOT / "web" / "navigation.py"), default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(page).run()
    # The script runs in its own thread; a cProfile profiler only sees the thread that enables it,
    # so enable it inside the script thread around Streamlit's exec of the page.
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.runtime.scriptrunner.exec_code import exec_func_with_error_handling as original

    prof = cProfile.Profile()

    def profiled(*args: Any, **kwargs: Any) -> object:
        prof.enable()
        try:
            return original(*args, **kwargs)
        finally:
            prof.disable()

    # script_runner calls the name it imported: replace it there.
    with mock.patch.object(script_runner, "exec_func_with_error_handling", profiled):
        for _ in range(a.repeats):
            at.run()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf).sort_stats("cumulative")
    st.print_stats(a.top)
    print(f"# {a.page}: {a.repeats} reruns")
    print(buf.getvalue())
    buf = io.StringIO()
    own = rf"^{re.escape(str(ROOT))}/(?!\.venv)"
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(own, a.top)
    print("# app files only")
    print(buf.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
