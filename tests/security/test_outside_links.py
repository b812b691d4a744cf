"""Files outside the given folders and the project are never read through a symbolic link."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

SECRET = "GEHEIM-7f3a9c"


@pytest.fixture
def received(tmp_path):
    """A project whose leaflet folder holds links to a file and a sidecar outside it."""
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "passwd").write_text(f"root:x:0:0:{SECRET}:/root:/bin/bash\n")
    (outside / "side.yaml").write_text(f"title: {SECRET}\nregion: FR\n")
    project = tmp_path / "project"
    leaflets = project / "leaflets"
    leaflets.mkdir(parents=True)
    (leaflets / "a.txt").write_text("Een miskraam is het verlies van een zwangerschap voor 16 weken.\n")
    (leaflets / "b.txt").symlink_to(outside / "passwd")
    (leaflets / "a.meta.yaml").symlink_to(outside / "side.yaml")
    (project / "leaflint.yaml").write_text("output: out\n")
    return project


@pytest.mark.parametrize("fmt", ["json", "github", "text", "sarif"])
def test_links_out_are_findings_and_their_content_appears_nowhere(received, fmt):
    r = run_cli("lint", "--format", fmt, "leaflets", cwd=received)
    assert r.returncode == 1, r.stderr
    assert SECRET not in r.stdout + r.stderr
    assert "ingest.outside-link" in r.stdout
    assert "b.txt" in r.stdout and "a.meta.yaml" in r.stdout


def test_ingest_and_build_never_publish_the_target(received):
    r = run_cli("ingest", "leaflets", cwd=received)
    assert SECRET not in r.stdout + r.stderr
    for f in (received / "out").rglob("*"):
        if f.is_file():
            assert SECRET.encode() not in f.read_bytes(), f


def test_follow_symlinks_reads_them(received):
    r = run_cli("--follow-symlinks", "lint", "--format", "json", "leaflets", cwd=received)
    diags = json.loads(r.stdout)["diagnostics"]
    assert not [d for d in diags if d["rule"] == "ingest.outside-link"]
    assert any(d["rule"] == "facts.schema" for d in diags)  # the linked sidecar was read (region: FR)


def test_a_folder_given_by_name_may_itself_be_a_link(tmp_path):
    real = tmp_path / "echt"
    real.mkdir()
    (real / "a.txt").write_text("Een miskraam is het verlies van een zwangerschap.\n")
    (tmp_path / "link").symlink_to(real)
    r = run_cli("lint", "--format", "json", tmp_path / "link", cwd=tmp_path)
    assert "ingest.outside-link" not in r.stdout


def test_a_linked_folder_inside_is_not_walked_out(received, tmp_path):
    (received / "leaflets" / "sub").symlink_to(tmp_path / "elders")
    (tmp_path / "elders" / "c.txt").write_text(f"{SECRET}\n")
    r = run_cli("lint", "--format", "json", "leaflets", cwd=received)
    assert SECRET not in r.stdout


def test_a_config_found_by_search_that_links_out_stops_the_run(tmp_path):
    (tmp_path / "elders").mkdir()
    (tmp_path / "elders" / "leaflint.yaml").write_text("sources: /\n")
    work = tmp_path / "work"
    work.mkdir()
    (work / "leaflint.yaml").symlink_to(tmp_path / "elders" / "leaflint.yaml")
    (work / "a.txt").write_text("Een miskraam is het verlies van een zwangerschap.\n")
    r = run_cli("lint", "a.txt", cwd=work)
    assert r.returncode == 2 and "leaflint.yaml" in r.stderr
