"""The notebooks: stored without outputs, and run green offline on this project's Python."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import write_kernel_spec
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "milcoop-test-python"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel on this very Python (the project's .venv), found before any other one.

    It starts offline on the seed facts (no Neo4j) and with no user profile.
    """
    write_kernel_spec(tmp_path / "kernels" / KERNEL)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    for name in ("NEO4J_URI", "MILCOOP_STORE", "MILCOOP_FACTS"):
        monkeypatch.delenv(name, raising=False)
    return KERNEL


def test_centrality_notebook_runs_and_draws_its_figures(kernel):
    notebook = nbformat.read(ROOT / "notebooks" / "centrality_analysis.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    NotebookClient(notebook, kernel_name=kernel, timeout=60,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    assert sum("image/png" in output.get("data", {}) for output in outputs) == 5
    text = "".join(output.get("text", "") for output in outputs)
    assert "read from networkx:" in text
    assert text.rstrip().endswith(sys.executable)
