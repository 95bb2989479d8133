"""`mesomap desktop install`: a valid menu entry and the plan file type, so a double-click opens a plan;
`mesomap desktop uninstall` takes them away. Checked with the freedesktop tools themselves
(desktop-file-utils, xdg-utils, shared-mime-info: ./dev.sh installs them)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

import pytest

from mesomap.cli import main


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: ./dev.sh installs it (desktop-file-utils, xdg-utils, libfile-mimeinfo-perl)"
    return path


@pytest.fixture
def desktop_env(tmp_path, monkeypatch):
    """A home of its own: the data folder and the desktop's settings in tmp_path; a plan file to ask about."""
    data = tmp_path / "home" / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    for var in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"):
        monkeypatch.delenv(var, raising=False)
    plan = tmp_path / "session.mesomap.json"
    plan.write_text('{"format": "mesomap-plan"}\n')
    return data, plan


def xdg_mime(*args: str) -> str:
    proc = subprocess.run([tool("xdg-mime"), "query", *args], capture_output=True, text=True, timeout=60)
    return proc.stdout.strip()


def test_install_makes_plans_open_in_mesomap_and_uninstall_takes_it_back(desktop_env, capsys):
    data, plan = desktop_env
    assert xdg_mime("filetype", str(plan)) == "application/json"  # before: just JSON
    assert main(["desktop", "install"]) == 0
    out = capsys.readouterr().out
    entry = data / "applications" / "mesomap.desktop"
    assert f"wrote {entry}" in out and "ran update-mime-database" in out and "ran update-desktop-database" in out

    check = subprocess.run([tool("desktop-file-validate"), str(entry)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    fields = dict(line.split("=", 1) for line in entry.read_text().splitlines() if "=" in line)
    assert fields["MimeType"] == "application/x-mesomap-plan;" and fields["Icon"] == "mesomap"
    command = shlex.split(fields["Exec"])
    assert command[-1] == "%f" and os.access(command[0], os.X_OK), command  # runs `mesomap PLAN`
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "mesomap.svg").read_text().lstrip().startswith("<?xml")

    assert xdg_mime("filetype", str(plan)) == "application/x-mesomap-plan"
    assert xdg_mime("default", "application/x-mesomap-plan") == "mesomap.desktop"
    other = plan.with_name("data.json")
    other.write_text("{}\n")
    assert xdg_mime("filetype", str(other)) == "application/json"  # only plans are taken

    assert main(["desktop", "uninstall"]) == 0
    assert "removed" in capsys.readouterr().out and not entry.exists()
    assert not (data / "mime" / "packages" / "mesomap.xml").exists()
    assert xdg_mime("filetype", str(plan)) == "application/json"


def test_install_under_a_prefix_writes_below_its_share_folder(tmp_path, capsys):
    assert main(["desktop", "install", "--prefix", str(tmp_path / "opt")]) == 0
    assert (tmp_path / "opt" / "share" / "applications" / "mesomap.desktop").is_file()
    assert (tmp_path / "opt" / "share" / "mime" / "packages" / "mesomap.xml").is_file()
