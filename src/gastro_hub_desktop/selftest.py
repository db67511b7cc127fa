"""`gastro-hub --self-test`: for a freshly installed or frozen app, open the data folder, the
database, the keyring and Qt (offscreen, in this process), print a short report and exit 0
only if all of them work."""

from __future__ import annotations

import os
import sys
import time

from gastro_hub_desktop import APP_NAME, __version__
from gastro_hub_desktop.doctor import Finding, check_data_dir, check_database, check_keyring


def check_qt_offscreen() -> Finding:
    """Qt's widgets draw a window offscreen, here in this process (frozen apps included)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication.instance() or QApplication([sys.argv[0]])
        label = QLabel(APP_NAME)
        label.resize(200, 40)
        pixmap = label.grab()
        ok = not pixmap.isNull() and pixmap.width() == 200
        platform = app.platformName()  # type: ignore[union-attr]
        label.deleteLater()
    except Exception as exc:  # missing Qt libraries, a broken bundle
        return Finding("Qt", False, f"Qt could not draw: {exc}")
    return Finding("Qt", ok, f"widgets drawn on the {platform} platform")


def run_self_test() -> int:
    started = time.perf_counter()
    kind = "frozen" if getattr(sys, "frozen", False) else "source"
    print(f"{APP_NAME} {__version__} self-test ({kind})")
    findings = []
    for check in (check_data_dir, check_database, check_keyring, check_qt_offscreen):
        try:
            findings.append(check())
        except Exception as exc:  # a broken check is a failed check, never a crash
            findings.append(Finding(check.__name__.removeprefix("check_"), False, repr(exc)))
    for f in findings:
        print(f"{'ok  ' if f.ok else 'FAIL'}  {f.topic}: {f.detail}")
        if not f.ok and f.fix:
            print(f"      fix: {f.fix}")
    ok = all(f.ok for f in findings)
    print(f"{'all fine' if ok else 'NOT fine'} ({time.perf_counter() - started:.1f} s)")
    return 0 if ok else 1
