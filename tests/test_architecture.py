"""The house rules a reader relies on, checked on the source: no module imports another's
private names; the later stages read the data model, not the resolver; knowledge is data."""
import ast
import os
import shutil
import subprocess
import sys

from conftest import ROOT

PACKAGE = os.path.join(ROOT, "kg")


def modules():
    for folder, _, files in os.walk(PACKAGE):
        for f in sorted(files):
            if f.endswith(".py"):
                path = os.path.join(folder, f)
                with open(path, encoding="utf-8") as fh:
                    yield os.path.relpath(path, ROOT), ast.parse(fh.read(), path)


def imports_from(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            yield node


def test_no_module_imports_another_modules_private_names():
    found = [f"{path}:{node.lineno}: from {'.' * node.level}{node.module or ''} import {alias.name}"
             for path, tree in modules() for node in imports_from(tree) if node.module != "__future__"
             for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert found == []


def test_tests_use_public_names_only():
    found = []
    for f in sorted(os.listdir(os.path.join(ROOT, "tests"))):
        if f.endswith(".py"):
            path = os.path.join(ROOT, "tests", f)
            with open(path, encoding="utf-8") as fh:
                tree = ast.parse(fh.read(), path)
            found += [f"{f}:{node.lineno}: {alias.name}" for node in imports_from(tree)
                      if (node.module or "").startswith("kg") for alias in node.names if alias.name.startswith("_")]
    assert found == []


def test_graph_and_exports_read_the_model_not_the_resolver():
    found = [f"{path}:{node.lineno}: {node.module}" for path, tree in modules()
             if path.startswith((os.path.join("kg", "graph"), os.path.join("kg", "export")))
             for node in imports_from(tree) if "resolve" in (node.module or "")]
    assert found == []


def test_a_title_word_added_to_one_data_file_is_read_as_a_post(tmp_path):
    # a newcomer's change: one line in kg/data/titles.tsv, nothing else
    copy = tmp_path / "kg"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    text = "益阳日报讯 益阳市召开防汛会议。市应急管理局总调度员欧建华说,要压实责任。"
    probe = f"import kg; print(kg.posts(kg.extract_text({text!r})))"

    def posts() -> str:
        env = {**os.environ, "PYTHONPATH": str(tmp_path)}
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "欧建华" not in posts()
    with open(copy / "data" / "titles.tsv", "a", encoding="utf-8") as fh:
        fh.write("总调度员\tgovernment\n")
    assert "('欧建华', '总调度员', '益阳市应急管理局')" in posts()


def absolute(path: str, node: ast.ImportFrom) -> str:
    """The module an import names, absolute (kg.extract.tokens for `from ..extract import tokens`)."""
    if not node.level:
        return node.module or ""
    package = os.path.dirname(path).split(os.sep)      # the package the module is in: level 1
    package = package[:len(package) - node.level + 1]
    return ".".join(package + ([node.module] if node.module else []))


def test_the_recognisers_import_no_later_stage_and_only_kg_ner_uses_the_benchmark_layer():
    later = ("kg.resolve", "kg.graph", "kg.export", "kg.ner", "kg.build", "kg.commands")
    found = [f"{path}:{node.lineno}: {absolute(path, node)}" for path, tree in modules()
             if path.startswith(os.path.join("kg", "extract")) for node in imports_from(tree)
             if absolute(path, node).startswith(later)]
    found += [f"{path}:{node.lineno}: {absolute(path, node)}" for path, tree in modules()
              if not path.startswith(os.path.join("kg", "ner")) and path != os.path.join("kg", "commands", "ner.py")
              for node in imports_from(tree) if absolute(path, node).startswith("kg.ner")]
    assert found == []
    assert absolute(os.path.join("kg", "ner", "view.py"), ast.parse("from ..extract.tokens import tokenize").body[0]) \
        == "kg.extract.tokens"
