"""The installers for real: installers/build.py builds the PyInstaller one-folder app (and on
Linux the .deb) into a temporary folder, then the frozen binary runs its --self-test, migrates
SQLite and PostgreSQL databases, triages messages and fails plainly when its data folder or
database is unusable; the .deb is read back with dpkg-deb. Slow: one build takes minutes."""

from __future__ import annotations

import configparser
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.servers import PostgresServer, missing, require_binary

from gastro_hub_desktop import APP_ID, __version__

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installers" / "build.py"
SRC = ROOT / "src" / "gastro_hub_desktop"
TRIAGE_DEV = ROOT / "tests" / "data" / "triage" / "triage_dev.jsonl"
IS_LINUX = sys.platform.startswith("linux")


@dataclass
class Build:
    bundle: Path
    binary: Path
    deb: Path | None
    seconds: float


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def report(request: pytest.FixtureRequest, line: str) -> None:
    """One line in pytest's own output (no -s needed: output capture is paused for it) and
    in the log."""
    log.info(line)
    plugins = request.config.pluginmanager
    terminal, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if terminal is None:
        return
    if capture is None:
        terminal.write_line(line)
        return
    with capture.global_and_fixture_disabled():
        terminal.write_line(line)


@pytest.fixture(scope="module")
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Build]:
    """installers/build.py run once for this module, into a temporary dist and work folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        missing("PyInstaller not installed: pip install -e '.[test]'")
    if IS_LINUX:
        require_binary("objdump", "apt-get install binutils")  # PyInstaller reads ELF files
    has_dpkg_deb = IS_LINUX and shutil.which("dpkg-deb") is not None
    base = tmp_path_factory.mktemp("frozen")
    dist, work = base / "dist", base / "work"
    command = [sys.executable, str(BUILD), "--dist", str(dist), "--work", str(work)]
    # zstd packs in seconds; the default xz takes minutes on a small machine
    command += ["--deb-compression", "zstd"] if has_dpkg_deb else ["--skip-deb"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, f"build failed:\n{done.stdout[-4000:]}\n{done.stderr[-6000:]}"
    bundle = dist / "gastro-hub"
    binary = bundle / ("gastro-hub.exe" if sys.platform.startswith("win") else "gastro-hub")
    debs = sorted(dist.glob("*.deb"))
    deb = debs[0] if debs else None
    size = f"bundle {tree_size(bundle) / 1e6:.0f} MB"
    if deb is not None:
        size += f", .deb {deb.stat().st_size / 1e6:.0f} MB (zstd)"
    report(request, f"\nfrozen bundle: built in {seconds:.0f} s; {size}")
    try:
        yield Build(bundle, binary, deb, seconds)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run(
    build: Build, *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(build.binary), *args],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def lines_of(done: subprocess.CompletedProcess[str]) -> list[str]:
    return done.stdout.splitlines()


def line_about(done: subprocess.CompletedProcess[str], topic: str) -> str:
    found = [line for line in lines_of(done) if f" {topic}" in line]
    assert found, f"no line about {topic}:\n{done.stdout}\n{done.stderr}"
    return found[0]


# ------------------------------------------------------------------ the frozen app works


def test_frozen_self_test_passes(
    built: Build, secret_service: dict[str, str], data_dir: Path
) -> None:
    env = {**os.environ, **secret_service, "GASTRO_HUB_DATA_DIR": str(data_dir)}
    done = run(built, "--self-test", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = lines_of(done)
    assert lines[0] == f"Gastro Hub {__version__} self-test (frozen)", done.stdout
    for topic in ("Data folder", "Database", "Keyring", "Qt"):
        assert line_about(done, topic).startswith("ok"), done.stdout
    assert str(data_dir) in line_about(done, "Data folder")
    assert "Secret Service" in line_about(done, "Keyring")
    assert "offscreen" in line_about(done, "Qt")
    assert lines[-1].startswith("all fine"), done.stdout


def test_frozen_app_migrates_sqlite_and_reads_its_resources(
    built: Build, data_dir: Path, tmp_path: Path
) -> None:
    """sample-data: Alembic's migration scripts and the sample set come from the bundle;
    doctor: the schema is at head, Qt answers through the frozen child process;
    triage-eval: the language model and keyword files come from the bundle."""
    env = {**os.environ, "GASTRO_HUB_DATA_DIR": str(data_dir)}
    loaded = run(built, "sample-data", env=env)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    new = int(loaded.stdout.split("Sample data:")[1].split("new messages")[0])
    assert new > 10, loaded.stdout

    doctor = run(built, "doctor", env=env)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    database = line_about(doctor, "Database")
    assert database.startswith("ok") and f"{new} messages, up to date" in database, database
    assert line_about(doctor, "Qt platform").startswith("ok"), doctor.stdout

    sample = tmp_path / "triage.jsonl"
    sample.write_text("".join(TRIAGE_DEV.read_text("utf-8").splitlines(True)[:40]), "utf-8")
    triaged = run(built, "triage-eval", str(sample), env=env)
    assert triaged.returncode == 0, triaged.stdout + triaged.stderr
    figures = json.loads(lines_of(triaged)[-1])
    assert figures, triaged.stdout
    assert "language" in triaged.stdout.lower(), triaged.stdout


def test_frozen_app_uses_postgresql(
    built: Build, postgres_server: PostgresServer, data_dir: Path
) -> None:
    """psycopg and SQLAlchemy's postgresql dialect are in the bundle: migrate, load, read."""
    url = postgres_server.create_database(f"frozen_{os.getpid()}")
    env = {**os.environ, "GASTRO_HUB_DATA_DIR": str(data_dir), "GASTRO_HUB_DATABASE_URL": url}
    loaded = run(built, "sample-data", env=env)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    doctor = run(built, "doctor", env=env)
    database = line_about(doctor, "Database")
    assert database.startswith("ok"), doctor.stdout
    assert "postgresql+psycopg://" in database and "up to date" in database, database


def test_frozen_window_paints_in_german(built: Build, data_dir: Path) -> None:
    """The main window with its icon, style and the German translation, drawn offscreen."""
    env = {**os.environ, "GASTRO_HUB_DATA_DIR": str(data_dir), "GASTRO_HUB_LANGUAGE": "de"}
    done = run(built, "--exit-after-paint", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "first-paint" in done.stdout.splitlines(), done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr


# ------------------------------------------------------------------ and says what is wrong


def test_frozen_self_test_fails_when_the_data_folder_is_unusable(
    built: Build, secret_service: dict[str, str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the data folder should go")
    env = {**os.environ, **secret_service, "GASTRO_HUB_DATA_DIR": str(blocker / "data")}
    done = run(built, "--self-test", env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    data_line = line_about(done, "Data folder")
    assert data_line.startswith("FAIL") and "not writable" in data_line, done.stdout
    assert "fix: Set GASTRO_HUB_DATA_DIR" in done.stdout
    # the parts that do work are still reported as working
    assert line_about(done, "Keyring").startswith("ok"), done.stdout
    assert line_about(done, "Qt").startswith("ok"), done.stdout
    assert lines_of(done)[-1].startswith("NOT fine"), done.stdout


def test_frozen_self_test_fails_when_the_database_is_unusable(
    built: Build, secret_service: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not an SQLite database\n" * 200)
    env = {
        **os.environ,
        **secret_service,
        "GASTRO_HUB_DATA_DIR": str(data_dir),
        "GASTRO_HUB_DATABASE_URL": f"sqlite:///{broken}",
    }
    done = run(built, "--self-test", env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    database = line_about(done, "Database")
    assert database.startswith("FAIL"), done.stdout
    assert "Cannot open the database" in database and "not a database" in database, database
    assert line_about(done, "Data folder").startswith("ok"), done.stdout
    assert lines_of(done)[-1].startswith("NOT fine"), done.stdout


# ------------------------------------------------------------------ what is inside


def bundled_modules(binary: Path) -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(binary))
    return set(archive.open_embedded_archive("PYZ.pyz").toc)


def test_bundle_holds_what_is_loaded_by_name_and_no_test_tools(built: Build) -> None:
    from gastro_hub_desktop.engine.facade import CHAT_KINDS

    modules = bundled_modules(built.binary)
    for module, _ in CHAT_KINDS:
        assert module in modules, f"{module} (engine/facade.py CHAT_KINDS) is not bundled"
    for module in (
        "alembic.op",
        "alembic.ddl.sqlite",
        "alembic.ddl.postgresql",
        "keyring.backends.SecretService",
        "keyring.backends.Windows",
        "sqlalchemy.dialects.postgresql.psycopg",
        "psycopg",
    ):
        assert module in modules, f"{module} is not bundled"
    for test_only in ("synapse", "twisted", "pytest", "_pytest", "pytestqt", "tests"):
        leaked = sorted(m for m in modules if m == test_only or m.startswith(test_only + "."))
        assert not leaked, f"test-only modules in the bundle: {leaked[:5]}"
    internal = built.bundle / "_internal"
    assert not (internal / "synapse").exists() and not (internal / "twisted").exists()
    # every migration script and data file of the package, at its package path
    for pattern in (
        "store/migrations/versions/*.py",
        "brain/triage/*.json",
        "brain/local/*.json",
        "resources/translations/*.qm",
    ):
        shipped = sorted(p.relative_to(SRC) for p in SRC.glob(pattern))
        assert shipped, pattern
        for relative in shipped:
            assert (internal / "gastro_hub_desktop" / relative).is_file(), relative
    assert (internal / "gastro_hub_desktop" / "resources" / "gastro-hub.svg").is_file()
    # Qt's own translations (i18n.install loads qtbase_LANG), only for the app's languages
    qt_catalogues = {p.name for p in internal.glob("PySide6/**/qtbase_*.qm")}
    assert {"qtbase_cs.qm", "qtbase_de.qm"} <= qt_catalogues, qt_catalogues
    assert "qtbase_ja.qm" not in qt_catalogues
    compose = internal / "gastro_hub_desktop" / "resources" / "stack" / "docker-compose.yml"
    assert compose.is_file(), "the stack's compose file is not where stack_control looks"


# ------------------------------------------------------------------ the Debian package


def dpkg_deb(*args: str) -> str:
    done = subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(not IS_LINUX, reason="the .deb is built on Linux")
def test_deb_installs_the_app_a_command_and_a_menu_entry(built: Build, tmp_path: Path) -> None:
    require_binary("dpkg-deb", "apt-get install dpkg")
    assert built.deb is not None, "build.py made no .deb although dpkg-deb is here"
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert built.deb.name == f"gastro-hub_{__version__}-1_{arch}.deb"
    fields = dict(
        line.split(": ", 1)
        for line in dpkg_deb(
            "--field", str(built.deb), "Package", "Version", "Architecture", "Depends"
        ).splitlines()
    )
    assert fields["Package"] == "gastro-hub"
    assert fields["Version"] == f"{__version__}-1"
    assert fields["Architecture"] == arch
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert any(d.startswith("libc6 (>= ") for d in depends), depends

    contents = dpkg_deb("--contents", str(built.deb)).splitlines()
    entries = {line.split(" ./", 1)[1]: line for line in contents if " ./" in line}
    binary = entries.get("opt/gastro-hub/gastro-hub", "")
    assert binary.startswith("-rwxr-xr-x root/root"), binary
    assert entries.get("usr/bin/gastro-hub -> /opt/gastro-hub/gastro-hub", "").startswith("l")
    desktop_name = f"usr/share/applications/{APP_ID}.desktop"  # Qt's desktopFileName
    assert desktop_name in entries, sorted(e for e in entries if "share" in e)
    assert f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in entries
    assert f"usr/share/icons/hicolor/256x256/apps/{APP_ID}.png" in entries
    assert not [e for e in entries if "/synapse/" in e or "/twisted/" in e]

    root = tmp_path / "root"
    dpkg_deb("-x", str(built.deb), str(root))
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(root / desktop_name, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Gastro Hub"
    assert desktop["Terminal"] == "false"
    assert desktop["Exec"] == "/usr/bin/gastro-hub", desktop["Exec"]
    command = root / desktop["Exec"].lstrip("/")
    assert os.readlink(command) == "/opt/gastro-hub/gastro-hub"
    installed = root / os.readlink(command).lstrip("/")
    assert installed.is_file() and os.access(installed, os.X_OK)
    assert (root / f"usr/share/icons/hicolor/scalable/apps/{desktop['Icon']}.svg").is_file()
    validate = require_binary("desktop-file-validate", "apt-get install desktop-file-utils")
    checked = subprocess.run([validate, str(root / desktop_name)], capture_output=True, text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr

    # the packaged program runs, also through a symbolic link as /usr/bin/gastro-hub is one
    link = tmp_path / "bin" / "gastro-hub"
    link.parent.mkdir()
    link.symlink_to(installed)
    for program in (installed, link):
        done = subprocess.run(
            [str(program), "--version"], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"Gastro Hub {__version__}"
