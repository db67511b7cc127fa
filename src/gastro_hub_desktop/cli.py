"""Command line: the window (default), `doctor`, `import FILE`, `sample-data`, `processor`,
`triage-eval FILE`, `backup`, `restore SET`, `backups`, `--version`.

GASTRO_HUB_DATA_DIR and GASTRO_HUB_DATABASE_URL choose the data folder and database for every
command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gastro_hub_desktop import APP_NAME, __version__

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="gastro-hub",
        description=f"{APP_NAME}: all customer conversations in one desktop app.",
        epilog="Environment: GASTRO_HUB_DATA_DIR (data folder), "
        "GASTRO_HUB_DATABASE_URL (e.g. postgresql+psycopg://user@host/db).",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to the console")
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="open the window, print 'first-paint' once it is drawn and quit (start-up benchmark)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the data folder, database, keyring and Qt (offscreen); exit 0 if all work",
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("gui", help="open the main window (the default)")
    commands.add_parser("doctor", help="check the set-up and say how to fix what is missing")
    importer = commands.add_parser(
        "import", help="import an mbox mailbox or a WhatsApp chat export (.txt or .zip)"
    )
    importer.add_argument("file", type=Path)
    importer.add_argument(
        "--me",
        help="WhatsApp: your own name as it appears in the export (your messages are replies)",
    )
    importer.add_argument(
        "--own-address",
        action="append",
        default=[],
        metavar="EMAIL",
        help="mbox: an address of yours; mail from it is stored as sent (repeatable)",
    )
    commands.add_parser("sample-data", help="load the multilingual demo set into the database")
    backup = commands.add_parser(
        "backup", help="make a verified backup set now (then prune and upload as set up)"
    )
    backup.add_argument("--encrypt", action="store_true", default=None, help="encrypt this set")
    backup.add_argument("--no-upload", dest="upload", action="store_false", default=None)
    restore = commands.add_parser(
        "restore", help="restore a backup set (every checksum verified first)"
    )
    restore.add_argument("set", help="the set's name, as `gastro-hub backups` lists it")
    restore.add_argument(
        "--with-config", action="store_true", help="also bring back the configuration files"
    )
    listing = commands.add_parser("backups", help="list the backup sets and their state")
    listing.add_argument("--verify", action="store_true", help="check every file of every set")
    listing.add_argument("--remote", action="store_true", help="also list the off-site copies")
    processor = commands.add_parser(
        "processor",
        help="run the engine without the window (sync, triage, send); GET /health answers; "
        "SIGTERM stops it cleanly",
    )
    processor.add_argument("--host", default="127.0.0.1", help="health endpoint address")
    processor.add_argument("--port", type=int, default=8780, help="health endpoint port")
    office = commands.add_parser(
        "office",
        help="office mode (several PCs on one PostgreSQL): turn it on or off, or say who leads",
    )
    office.add_argument(
        "action", choices=("on", "off", "status", "join"), nargs="?", default="status"
    )
    office.add_argument("url", nargs="?", help="join: the office's postgresql:// address")
    evaluation = commands.add_parser(
        "triage-eval", help="measure message triage against a labelled JSONL file"
    )
    evaluation.add_argument("file", type=Path)
    return parser


GUI_FLAGS = {"--exit-after-paint", "-v", "--verbose"}


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if given == ["--qt-probe"]:  # `doctor`'s Qt check, in a child process of the frozen app
        from gastro_hub_desktop.doctor import qt_probe

        return qt_probe()
    if set(given) <= GUI_FLAGS:  # opening the window: skip argparse, every ms of start-up counts
        from gastro_hub_desktop.app import run_gui

        return run_gui(
            sys.argv[:1],
            exit_after_paint="--exit-after-paint" in given,
            verbose=bool({"-v", "--verbose"} & set(given)),
        )
    args = build_parser().parse_args(given)
    if args.self_test:
        from gastro_hub_desktop.selftest import run_self_test

        return run_self_test()
    if args.command in (None, "gui"):
        from gastro_hub_desktop.app import run_gui

        return run_gui(sys.argv[:1], exit_after_paint=args.exit_after_paint, verbose=args.verbose)
    if args.command == "doctor":
        from gastro_hub_desktop.doctor import run_doctor

        return run_doctor()
    if args.command == "import":
        from gastro_hub_desktop.commands import import_file

        return import_file(args.file, me=args.me, own_addresses=args.own_address)
    if args.command == "sample-data":
        from gastro_hub_desktop.commands import load_sample_data

        return load_sample_data()
    if args.command in ("backup", "restore", "backups"):
        from gastro_hub_desktop.backup import cli as backup_cli

        if args.command == "backup":
            return backup_cli.run_backup(encrypt=args.encrypt, upload=args.upload)
        if args.command == "restore":
            return backup_cli.run_restore(args.set, restore_config=args.with_config)
        return backup_cli.run_list(verify=args.verify, remote=args.remote)
    if args.command == "processor":
        from gastro_hub_desktop.processor import run_processor

        return run_processor(args.host, args.port, args.verbose)
    if args.command == "office":
        from gastro_hub_desktop.office_cli import run_office

        return run_office(args.action, args.url)
    if args.command == "triage-eval":
        from gastro_hub_desktop.brain.triage.evaluate import run

        return run(args.file)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
