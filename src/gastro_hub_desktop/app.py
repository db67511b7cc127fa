"""Composition root of the desktop app: builds the engine, the window and the tray, and runs
them until the user quits. The window is painted first; the database opens right after."""

from __future__ import annotations

import logging
import signal
import sys
import time
from typing import TYPE_CHECKING

from gastro_hub_desktop import APP_ID, APP_NAME, __version__, paths, responsiveness

if TYPE_CHECKING:
    from gastro_hub_desktop.ui.tray import Tray

log = logging.getLogger(__name__)


def run_gui(argv: list[str], exit_after_paint: bool = False, verbose: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.single_instance import SingleInstance
    from gastro_hub_desktop.ui.bridge import EngineBridge
    from gastro_hub_desktop.ui.main_window import MainWindow

    started = time.perf_counter()  # the window comes first; the rest loads after it is painted
    responsiveness.prefer_gui_thread()  # the engine's threads run Python beside the GUI
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = QIcon(str(paths.resource("gastro-hub.svg")))
    app.setWindowIcon(icon)

    data_dir = paths.data_dir()
    from gastro_hub_desktop.ui import i18n

    translator = i18n.install(  # noqa: F841 (kept alive for the app's lifetime)
        app, i18n.chosen_language(data_dir), paths.resource("translations")
    )
    instance = SingleInstance(data_dir)
    if not instance.acquire():
        if instance.activate_running():
            print(f"{APP_NAME} is already running; its window was brought to the front.")
            return 0
        QMessageBox.critical(
            None,
            APP_NAME,
            f"{APP_NAME} seems to be running already for {data_dir} but does not answer. "
            "Close it (or end it in the task manager) and start again.",
        )
        return 1

    from gastro_hub_desktop.credentials import Credentials

    accepted = bool(i18n.ui_preferences(data_dir).get("allow_insecure_keyring"))
    engine = Engine(paths.database_url(), credentials=Credentials(allow_insecure=accepted))
    bridge = EngineBridge(engine.events)
    window = MainWindow(engine, bridge)

    def on_second_launch() -> None:
        log.info("another launch asked for the window; bringing it to the front")
        window.bring_to_front()

    instance.activated.connect(on_second_launch)
    tray: Tray | None = None  # made after the first paint, when a tray exists

    def on_first_paint() -> None:
        if exit_after_paint:
            print("first-paint", flush=True)
            QTimer.singleShot(0, app.quit)
        QTimer.singleShot(0, after_first_paint)

    def after_first_paint() -> None:
        nonlocal tray
        from gastro_hub_desktop.logging_setup import configure

        log_path = configure(paths.log_dir(), verbose)
        from gastro_hub_desktop.ui.error_dialog import ErrorReporter

        ErrorReporter(window, log_path).install()
        log.info("starting %s %s, data folder %s", APP_NAME, __version__, data_dir)
        log.info("first paint after %.0f ms", (time.perf_counter() - started) * 1000)
        if exit_after_paint:
            return
        instance.listen()
        install_asyncio_loop(app)
        bridge.call(
            engine.start(),
            lambda _started: QTimer.singleShot(
                responsiveness.SETTLE_AFTER_START_MS, responsiveness.settle_heap
            ),
            lambda _exc: None,  # EngineFailed tells the window
        )
        if QSystemTrayIcon.isSystemTrayAvailable():
            from gastro_hub_desktop.ui.tray import Tray

            tray = Tray(icon, window, app.quit)
            window.unreadChanged.connect(tray.set_unread)
            tray.killSwitchToggled.connect(window.set_kill_switch)
            window.killSwitchChanged.connect(tray.show_kill_switch)
            window.alertRaised.connect(tray.alert)
            window.notify.connect(tray.notify)
            tray.openConversation.connect(window.open_conversation)
            tray.show()
            window.tray_available = True
            log.info("tray icon shown")

    window.firstPainted.connect(on_first_paint)

    cleaned = False

    def clean_up() -> None:
        nonlocal cleaned
        if cleaned:
            return
        cleaned = True
        if tray is not None:
            tray.hide()
        engine.stop()
        bridge.close()
        instance.release()
        log.info("stopped cleanly")

    app.aboutToQuit.connect(clean_up)
    install_signal_handlers(app)
    window.show()
    try:
        code = app.exec()
    finally:
        clean_up()
    return code


def install_asyncio_loop(app: object) -> None:
    """From here on GUI code can `await` engine futures (qasync on Qt's running loop).

    Installed after the first paint, so asyncio's import does not delay the window."""
    import asyncio

    import qasync

    asyncio.set_event_loop(qasync.QEventLoop(app, already_running=True))


def install_signal_handlers(app: object) -> None:
    """Ctrl+C and SIGTERM quit through Qt's loop, so shutdown runs its normal course."""
    from PySide6.QtCore import QTimer

    def quit_app(*_args: object) -> None:
        app.quit()  # type: ignore[attr-defined]

    signal.signal(signal.SIGINT, quit_app)
    if sys.platform != "win32":
        signal.signal(signal.SIGTERM, quit_app)
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    timer = QTimer(app)  # type: ignore[arg-type]
    timer.timeout.connect(lambda: None)
    timer.start(250)
