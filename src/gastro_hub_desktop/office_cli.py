"""`gastro-hub office on|off|status|join URL`: turn office mode on or off for every PC that
uses this PostgreSQL database, say who fetches and sends now (read from the database's lock
table), or make this PC use the office's database (its password goes to the keyring)."""

from __future__ import annotations

import sys


def join(url: str) -> int:
    """Use the office's PostgreSQL from the next start: checked for real first; the password
    (typed, or GASTRO_HUB_DATABASE_PASSWORD) goes to the keyring, the address to the data
    folder."""
    import getpass
    import os

    from sqlalchemy.engine import make_url

    from gastro_hub_desktop import paths
    from gastro_hub_desktop.engine.facade import describe_database_error
    from gastro_hub_desktop.store import office
    from gastro_hub_desktop.store.repository import Store

    try:
        parsed = make_url(url)
    except Exception:
        print(f"That is not a database address: {url}", file=sys.stderr)
        return 2
    if parsed.get_backend_name() != "postgresql":
        print("Office mode shares a PostgreSQL database: give a postgresql:// address.")
        return 2
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    password = parsed.password or os.environ.get("GASTRO_HUB_DATABASE_PASSWORD")
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"Password of {parsed.username}@{parsed.host}: ") or None
    bare = parsed.set(password=None).render_as_string(hide_password=False)
    full = paths.with_password(bare, password)
    try:
        store = Store.open(full)
    except Exception as exc:
        print(describe_database_error(full, exc), file=sys.stderr)
        return 1
    try:
        enabled = office.office_enabled(store)
    finally:
        store.close()
    from gastro_hub_desktop.credentials import Credentials

    if password:
        Credentials().set(paths.DATABASE_PASSWORD, password)
    else:  # a password kept for an earlier database must not be sent to this one
        Credentials().delete(paths.DATABASE_PASSWORD)
    paths.choose_database(bare)
    print(f"This PC uses {paths.redact_url(bare)} from the next start.")
    if not enabled:
        print("Office mode is still off there: `gastro-hub office on` turns it on for all.")
    return 0


def run_office(action: str, url: str | None = None) -> int:
    if action == "join":
        if not url:
            print("Say which database: gastro-hub office join postgresql://user@host/db")
            return 2
        return join(url)
    from gastro_hub_desktop.commands import _open_store
    from gastro_hub_desktop.store import office

    store = _open_store()
    if store is None:
        return 1
    try:
        if action in ("on", "off"):
            try:
                office.set_office_enabled(store, action == "on")
            except ValueError as exc:
                print(exc, file=sys.stderr)
                return 1
            print(
                f"Office mode is {action} for every PC on this database; "
                "apps and processors started from now on follow it."
            )
        enabled = office.office_enabled(store)
        print(f"Office mode: {'on' if enabled else 'off'} ({store.url})")
        if office.is_postgres(store):
            leader = office.current_leader(store)
            if leader is None:
                print("Leader: none — no processor is fetching and sending right now.")
            else:
                since = f" since {leader.since:%Y-%m-%d %H:%M}" if leader.since else ""
                print(f"Leader: {leader.member}{since}")
        return 0
    finally:
        store.close()
