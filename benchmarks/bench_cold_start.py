"""Cold start to the first painted main window: `gastro-hub --exit-after-paint` vs. a bare
PySide6 window (QApplication + QMainWindow with a label), each a fresh process, timed from
spawn to the "first-paint" line. Runs alternate so machine noise hits both alike.

The app's data folder is a fresh temporary one each run (a first start); the database opens
after the first paint by design. Target: ratio of medians <= 1.5."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 15
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print("first-paint", flush=True)
            app.quit()
window = Window()
window.setCentralWidget(QLabel("Hello"))
window.resize(1200, 760)
window.show()
app.exec()
"""


def time_to_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if "first-paint" in line:
            elapsed = time.perf_counter() - started
            break
    process.wait(60)
    if elapsed is None:
        raise RuntimeError(f"{command} never painted")
    return elapsed


def main() -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(root / "src")], check=True, env=env
    )
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare_window.py"
        bare_script.write_text(BARE)
        app = [sys.executable, "-m", "gastro_hub_desktop", "--exit-after-paint"]
        bare: list[float] = []
        ours: list[float] = []
        for run in range(RUNS + 2):
            data = Path(tmp) / f"data-{run}"
            b = time_to_paint([sys.executable, str(bare_script)], env)
            o = time_to_paint(app, {**env, "GASTRO_HUB_DATA_DIR": str(data)})
            if run >= 2:  # the first runs warm the OS file cache
                bare.append(b)
                ours.append(o)
    ratio = statistics.median(ours) / statistics.median(bare)
    print(
        f"cold start to first paint ({RUNS} runs each): app median {statistics.median(ours) * 1000:.0f} ms, "
        f"bare PySide6 window {statistics.median(bare) * 1000:.0f} ms, ratio {ratio:.2f} (target <= 1.5)"
    )
    return {
        "app_ms": statistics.median(ours) * 1000,
        "floor_ms": statistics.median(bare) * 1000,
        "ratio": ratio,
    }


if __name__ == "__main__":
    main()
