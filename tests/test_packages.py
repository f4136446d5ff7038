"""Each package's public surface (its __init__.py) names what its modules define, and serves it on first use."""
from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = ["corpus", "ingest", "assistant", "ui", "eval"]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_name_resolves(name):
    pkg = importlib.import_module(name)
    assert pkg.__all__ and pkg.__doc__
    for attr in pkg.__all__:
        assert getattr(pkg, attr) is not None
    with pytest.raises(AttributeError):
        getattr(pkg, "no_such_name")


def test_a_light_module_does_not_import_the_heavy_stack():
    """Reading facts needs neither chromadb nor langchain: the package surface imports them only when asked."""
    code = ("import sys, assistant.facts, assistant.reason; "
            "print(any(m.split('.')[0] in ('chromadb', 'langchain_core') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
