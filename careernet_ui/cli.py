"""The command line: ``python app.py [options]`` serves; subcommands work on the data file offline."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from careernet_ui.commands import commands
from careernet_ui.domain import CareerNetError
from careernet_ui.domain.collector import collector_paused
from careernet_ui.failures import EXIT_FAILURE, EXIT_INTERRUPTED, one_line
from careernet_ui.paths import data_path, default_data_file
from careernet_ui.security import is_loopback

DEFAULT_PORT = 8080


def build_parser() -> argparse.ArgumentParser:
    """The parser for every option and subcommand."""
    parser = argparse.ArgumentParser(
        prog='python app.py',
        description='CareerNet: cultivate your references and advocates. With no subcommand, serves the '
                    'dashboard on http://127.0.0.1:8080 and opens your browser.',
    )
    _add_data_option(parser)
    parser.add_argument('--host', default='127.0.0.1',
                        help='address to bind (default 127.0.0.1; anything but loopback needs --password)')
    parser.add_argument('--port', type=int, default=DEFAULT_PORT, help='port to serve on (default 8080)')
    parser.add_argument('--allow-host', action='append', default=[], metavar='NAME', dest='allow_hosts',
                        help='also answer to this host name (e.g. mylaptop.local) besides the addresses bound; '
                             'repeat for several')
    parser.add_argument('--certfile', metavar='PATH', default=None,
                        help='serve HTTPS with this certificate (PEM); needs --keyfile. Use it with --host 0.0.0.0')
    parser.add_argument('--keyfile', metavar='PATH', default=None, help="the certificate's private key (PEM)")
    parser.add_argument('--no-browser', action='store_true', help='do not open a browser tab at start')
    parser.add_argument('--password', default=os.environ.get('CAREERNET_PASSWORD'),
                        help='ask for this password on every page and route (env CAREERNET_PASSWORD)')
    parser.add_argument('--demo', action='store_true',
                        help='start on a made-up network: in a temporary file, or in --data if it does not exist '
                             'yet (existing data is never overwritten)')
    parser.add_argument('--ics-file', metavar='PATH', default=None,
                        help='also write the calendar feed to this file after every change (for a synced folder '
                             'or a web host that Google Calendar or Outlook.com can subscribe to)')
    parser.add_argument('--today', type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    available = commands()
    if available:
        sub = parser.add_subparsers(dest='command', metavar='COMMAND')
        for name, (help_text, configure, _) in available.items():
            command_parser = sub.add_parser(name, help=help_text, description=help_text)
            _add_data_option(command_parser)
            configure(command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run; returns the process exit code."""
    if os.environ.get('NICEGUI_USER_SIMULATION'):
        argv = []  # Under the test `user` fixture, sys.argv is pytest's; options come from the environment.
    args = build_parser().parse_args(argv)
    try:
        if getattr(args, 'command', None):
            return commands()[args.command].run(args)
        return _serve(args)
    except KeyboardInterrupt:
        print('careernet: stopped.', file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # every failure becomes one line, never a traceback
        print(one_line(error, data_path(args)), file=sys.stderr)
        return EXIT_FAILURE


def _add_data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument('--data', default=os.environ.get('CAREERNET_DATA') or None, metavar='PATH',
                        help='the data file (env CAREERNET_DATA; default: careernet.json in your user-data folder)')


def _serve(args: argparse.Namespace) -> int:
    if not is_loopback(args.host) and not args.password:
        print(f'careernet: refusing to serve on {args.host} without a password: anyone on your network could '
              'read your contacts. Pass --password (or set CAREERNET_PASSWORD), or keep the default 127.0.0.1.',
              file=sys.stderr)
        return 2
    if bool(args.certfile) != bool(args.keyfile):
        print('careernet: HTTPS needs both --certfile and --keyfile.', file=sys.stderr)
        return 2
    for tls_file in (args.certfile, args.keyfile):
        if tls_file and not Path(tls_file).expanduser().is_file():
            print(f'careernet: cannot read {tls_file}: no such file. Pass the PEM files your certificate came in.',
                  file=sys.stderr)
            return 2
    ics_file = Path(args.ics_file).expanduser().resolve() if args.ics_file else None
    if ics_file is not None and not ics_file.parent.is_dir():
        print(f'careernet: cannot write the calendar file {ics_file}: the folder {ics_file.parent} does not exist.',
              file=sys.stderr)
        return 2
    data = _chosen_data_file(args)
    # Said before anything slow (reading a file that may hold 40 MB, then NiceGUI's import), so a
    # long start never looks like a hang.
    print(opening_message(data), flush=True)
    from careernet_ui.opening import ServeOptions, import_nicegui, open_data

    simulated = bool(os.environ.get('NICEGUI_USER_SIMULATION'))
    options = ServeOptions(
        data=data,
        host=args.host,
        port=args.port,
        open_browser=not args.no_browser and not simulated,
        password=args.password,
        demo=args.demo,
        today=args.today or _env_today(),
        # the user fixture's HTTP client calls itself "test"
        extra_hosts=(*args.allow_hosts, *(('test',) if simulated else ())),
        certfile=Path(args.certfile).expanduser() if args.certfile else None,
        keyfile=Path(args.keyfile).expanduser() if args.keyfile else None,
        ics_file=ics_file,
    )
    started = time.perf_counter()
    # Start-up allocates millions of objects that live as long as the server (the records, then
    # NiceGUI's modules) and no garbage: the collector stays paused until they are all frozen out
    # of its sight, or its passes over them cost a tenth of the start (bench/README.md).
    with collector_paused():
        store, seeded = open_data(options, default_data_file())
        gc.freeze()
        opened = f'{len(store.contacts):,} contacts, opened in {time.perf_counter() - started:.1f} s'
        print(f'CareerNet data file: {store.path} ({opened}' + (', demo network written)' if seeded else ')'),
              flush=True)
        # Imported here: subcommands should not pay for NiceGUI's start-up. The daily backup is
        # written on a thread once the first page is shown (see careernet_ui/opening.py).
        import_nicegui()
        from careernet_ui import server

        # The first dashboard is start-up's last step: its follow-ups, their memo and the lookups
        # (300,000 objects at 30k contacts) live as long as the records mostly do, and the
        # collector's first two passes over them, in the middle of building the first page, cost
        # more than the page itself. They are frozen the same way, once made.
        server.install(store, options, after_first_dashboard=gc.freeze)
        gc.freeze()
    address = f'Serving on {options.base_url}  (Ctrl+C to stop)'
    # Said once NiceGUI has started, as the server starts listening, not before it is ready.
    server.when_serving(lambda: print(address, flush=True))
    server.run(options)
    return 0


def opening_message(data: Path) -> str:
    """What start-up says before it reads the data file: its name and size, or that it is new."""
    try:
        size = data.stat().st_size
    except OSError:
        return f'Creating {data}…'
    return f'Opening {data} ({_megabytes(size)})…'


def _megabytes(size: int) -> str:
    if size >= 10_000_000:
        return f'{size / 1e6:.0f} MB'
    if size >= 1_000_000:
        return f'{size / 1e6:.1f} MB'
    return f'{max(1, round(size / 1e3))} KB'


def _chosen_data_file(args: argparse.Namespace) -> Path:
    """The file to serve: ``--data``; with ``--demo`` alone, a fresh temporary file; else the default."""
    if args.data:
        return Path(args.data).expanduser()
    if args.demo:
        return Path(tempfile.mkdtemp(prefix='careernet-demo-')) / 'careernet.json'
    return default_data_file()


def _env_today() -> date | None:
    value = os.environ.get('CAREERNET_TODAY')
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CareerNetError(f'CAREERNET_TODAY={value[:40]!r} is not a date: set it like 2026-01-31, '
                             'or unset it to use the real date.') from None
