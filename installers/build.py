"""Builds what this OS can build: the PyInstaller one-folder app, then on Linux a .deb, on
Windows the Inno Setup installer (when ISCC is found), on macOS the .app. Prints what it built,
how long it took and how big it is.

    .venv/bin/python installers/build.py              # everything this OS can build
    .venv/bin/python installers/build.py --skip-deb   # only the one-folder app
Run it with the Python whose packages go into the bundle (the project's venv)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "gastro-hub.spec"
ISS = HERE / "windows" / "gastro-hub.iss"
NAME = "gastro-hub"  # the bundle folder and the executable
PACKAGE = "gastro-hub"  # the Debian package
APP_ID = "gastro-hub-desktop"  # Qt's desktop file name (app.py): names the .desktop entry
INSTALL_DIR = f"/opt/{NAME}"
DESCRIPTION = (
    "All customer conversations in one desktop app",
    "Gastro Hub Desktop puts a small business's email, WhatsApp, chat apps and social media\n"
    "in one inbox, with an AI assistant, verified backups and a local Docker stack.",
)


@dataclass
class Built:
    """One thing the build made, for the summary."""

    what: str
    path: Path
    seconds: float
    size: int  # bytes on disk (the files' sizes added up)
    notes: list[str] = field(default_factory=list)


def app_version() -> str:
    text = (ROOT / "src" / "gastro_hub_desktop" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if found is None:
        raise SystemExit("build: no __version__ in src/gastro_hub_desktop/__init__.py")
    return found.group(1)


def tree_size(path: Path) -> int:
    """Bytes in the files under `path` (symbolic links not followed)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


# ------------------------------------------------------------------ PyInstaller


def build_bundle(dist: Path, work: Path, clean: bool) -> Built:
    """The one-folder app (dist/gastro-hub/; on macOS also dist/Gastro Hub.app)."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        command.append("--clean")
    print(f"build: PyInstaller {SPEC.name} -> {dist / NAME}", flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    if sys.platform == "darwin":
        app = dist / "Gastro Hub.app"
        return Built("macOS app", app, seconds, tree_size(app))
    folder = dist / NAME
    return Built("one-folder app", folder, seconds, tree_size(folder))


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if sys.platform.startswith("win") else NAME)


def icon_dir(work: Path) -> Path:
    """Where the spec drew the icons (its workpath is WORK/gastro-hub)."""
    return work / NAME / "icons"


def run_self_test(bundle: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    binary = executable(bundle)
    if sys.platform == "darwin":
        binary = bundle / "Contents" / "MacOS" / NAME
    print(f"build: {binary} --self-test", flush=True)
    done = subprocess.run([str(binary), "--self-test"], env=env)
    if done.returncode != 0:
        raise SystemExit(f"build: the frozen app's self-test failed ({done.returncode})")


# ------------------------------------------------------------------ Linux .deb


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def system_libraries(bundle: Path) -> tuple[set[str], set[str]]:
    """The shared libraries the bundle's programs and modules load from the system (paths as
    ldd prints them), and the names ldd could not find at all (optional Qt plugins' needs)."""
    internal = bundle / "_internal"
    search = [internal, internal / "PySide6" / "Qt" / "lib"]
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(str(p) for p in search)}
    outside: set[str] = set()
    not_found: set[str] = set()
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    for path in files:
        done = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
        for line in done.stdout.splitlines():
            name, arrow, rest = line.strip().partition(" => ")
            if not arrow:
                continue
            target = rest.split(" (", 1)[0].strip()
            if target == "not found":
                not_found.add(name)
            elif target and not Path(target).resolve().is_relative_to(bundle.resolve()):
                outside.add(target)
    return outside, not_found


def _owning_packages(paths: Iterable[str]) -> dict[str, str]:
    """{path: Debian package} for the paths dpkg knows (merged /usr tried both ways)."""
    owners: dict[str, str] = {}
    for path in sorted(paths):
        candidates = [path, os.path.realpath(path)]
        for c in list(candidates):
            if c.startswith("/usr/lib/"):
                candidates.append(c.removeprefix("/usr"))
            elif c.startswith("/lib/"):
                candidates.append("/usr" + c)
        for candidate in candidates:
            done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if done.returncode == 0 and done.stdout:
                package = done.stdout.splitlines()[0].split(":", 1)[0].split(",")[0].strip()
                owners[path] = package
                break
    return owners


def _installed_version(package: str) -> str | None:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True
    )
    return done.stdout.strip() or None if done.returncode == 0 else None


def deb_depends(bundle: Path) -> tuple[list[str], list[str]]:
    """Depends for the control file: the packages owning the system libraries the bundle
    loads (libc6 at least the build machine's version), and notes on what stays unresolved."""
    outside, not_found = system_libraries(bundle)
    owners = _owning_packages(outside)
    notes = [f"no package owns {p}" for p in sorted(outside - owners.keys())]
    if not_found:
        notes.append(
            "optional Qt plugins need libraries absent here (left out of Depends): "
            + ", ".join(sorted(not_found))
        )
    depends = []
    for package in sorted(set(owners.values())):
        if package == "libc6" and (version := _installed_version("libc6")):
            upstream = version.split("-", 1)[0].split("+", 1)[0]
            depends.append(f"libc6 (>= {upstream})")
        else:
            depends.append(package)
    return depends, notes


def desktop_entry() -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Gastro Hub",
            "GenericName=Customer inbox",
            "Comment=Email, WhatsApp, chats and social media in one inbox",
            f"Exec=/usr/bin/{NAME}",
            f"TryExec=/usr/bin/{NAME}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Network;Email;InstantMessaging;",
            "Keywords=email;whatsapp;inbox;chat;customers;",
            "StartupNotify=true",
            "StartupWMClass=Gastro Hub",  # Qt's X11 WM_CLASS: ("gastro-hub", "Gastro Hub")
            "",
        ]
    )


def _copy_tree(source: Path, target: Path) -> None:
    """Copy the bundle into the package tree: hard links where the file system allows."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy)


def build_deb(bundle: Path, out_dir: Path, work: Path, version: str, compression: str) -> Built:
    """gastro-hub_VERSION-1_ARCH.deb: the bundle in /opt/gastro-hub, /usr/bin/gastro-hub, the
    menu entry and the icons, with Depends on the system libraries the bundle loads."""
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("build: dpkg-deb not found (apt-get install dpkg), or use --skip-deb")
    started = time.perf_counter()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    stage = work / "deb" / f"{PACKAGE}_{version}-1_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    (stage / "DEBIAN").mkdir(parents=True)
    _copy_tree(bundle, stage / INSTALL_DIR.lstrip("/"))
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / NAME).symlink_to(f"{INSTALL_DIR}/{NAME}")
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{APP_ID}.desktop").write_text(desktop_entry(), encoding="utf-8")
    icons = stage / "usr" / "share" / "icons" / "hicolor"
    svg = ROOT / "src" / "gastro_hub_desktop" / "resources" / "gastro-hub.svg"
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(svg, icons / "scalable" / "apps" / f"{APP_ID}.svg")
    png = icon_dir(work) / "gastro-hub.png"
    if png.exists():
        (icons / "256x256" / "apps").mkdir(parents=True)
        shutil.copy2(png, icons / "256x256" / "apps" / f"{APP_ID}.png")
    depends, notes = deb_depends(bundle)
    installed_kib = (tree_size(stage) + 1023) // 1024
    short, long = DESCRIPTION
    control = [
        f"Package: {PACKAGE}",
        f"Version: {version}-1",
        f"Architecture: {arch}",
        f"Maintainer: {os.environ.get('DEB_MAINTAINER', 'Gastro Hub <gastro-hub@localhost>')}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(depends)}",
        "Recommends: gnome-keyring | kwalletmanager, fonts-dejavu-core",
        "Section: mail",
        "Priority: optional",
        f"Description: {short}",
        *[f" {line}" if line else " ." for line in long.splitlines()],
        "",
    ]
    (stage / "DEBIAN" / "control").write_text("\n".join(control), encoding="utf-8")
    for path in [stage, *stage.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{stage.name}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage)
    notes.insert(0, f"Depends: {', '.join(depends)}")
    return Built(".deb package", deb, time.perf_counter() - started, deb.stat().st_size, notes)


# ------------------------------------------------------------------ Windows installer


def find_iscc() -> str | None:
    """Inno Setup's compiler: on PATH, or where its installer puts it."""
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    bases = [os.environ.get(v) for v in ("ProgramFiles(x86)", "ProgramFiles")]
    bases.append(str(Path(os.environ.get("LOCALAPPDATA", "~")) / "Programs"))
    for base in filter(None, bases):
        for version in ("Inno Setup 7", "Inno Setup 6"):
            candidate = Path(base) / version / "ISCC.exe"
            if candidate.exists():
                return str(candidate)
    return None


def build_windows_installer(
    iscc: str, bundle: Path, out_dir: Path, work: Path, version: str
) -> Built:
    """gastro-hub-setup-VERSION.exe from installers/windows/gastro-hub.iss."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        iscc,
        "/Q",
        f"/DAppVersion={version}",
        f"/DBundleDir={bundle}",
        f"/O{out_dir}",
    ]
    ico = icon_dir(work) / "gastro-hub.ico"
    if ico.exists():
        command.append(f"/DIconFile={ico}")
    command.append(str(ISS))
    subprocess.run(command, check=True)
    setup = out_dir / f"{NAME}-setup-{version}.exe"
    return Built("Windows installer", setup, time.perf_counter() - started, setup.stat().st_size)


# ------------------------------------------------------------------ main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--skip-deb", action="store_true", help="Linux: no .deb")
    parser.add_argument(
        "--deb-compression",
        choices=("xz", "zstd", "gzip", "none"),
        default="xz",
        help="Linux: the .deb's compression (xz: smallest, readable by every dpkg)",
    )
    parser.add_argument("--skip-installer", action="store_true", help="Windows: no setup.exe")
    parser.add_argument(
        "--require-installer",
        action="store_true",
        help="Windows: fail when Inno Setup's ISCC is not found (instead of skipping it)",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="run the frozen app's --self-test after building"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    version = app_version()
    started = time.perf_counter()
    built = [build_bundle(dist, work, args.clean)]
    bundle = dist / NAME
    if args.self_test:
        run_self_test(built[0].path)
    if sys.platform.startswith("linux") and not args.skip_deb:
        built.append(build_deb(bundle, dist, work, version, args.deb_compression))
    elif sys.platform.startswith("win") and not args.skip_installer:
        iscc = find_iscc()
        if iscc is not None:
            built.append(build_windows_installer(iscc, bundle, dist / "installer", work, version))
        elif args.require_installer:
            raise SystemExit("build: Inno Setup's ISCC.exe not found (choco install innosetup)")
        else:
            print("build: Inno Setup's ISCC.exe not found: no installer (the app is built)")
    print(f"\nGastro Hub {version}: built in {time.perf_counter() - started:.1f} s")
    for item in built:
        print(f"  {item.what}: {item.path} ({megabytes(item.size)}, {item.seconds:.1f} s)")
        for note in item.notes:
            print(f"      {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
