"""Write "the 30k network" (or any size) through the real store.

    python -m bench.generate --contacts 30000 --out /tmp/30k.json

Sizes scale from the contacts count as in the 30k network: 2 interactions, 1/30 accomplishment,
1/100 application, 1/50 reference request and 1/15 feedback entry per contact.
"""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import date
from pathlib import Path

from careernet_ui.demo import NetworkRecords, generate_network
from careernet_ui.services.seed import add_network
from storage import Store, open_store


def network_of(contacts: int, today: date, seed: int = 30) -> NetworkRecords:
    """A network scaled from its number of contacts."""
    return generate_network(
        today,
        seed=seed,
        contacts=contacts,
        interactions=contacts * 2,
        accomplishments=max(1, contacts // 30),
        feedback=max(1, contacts // 15),
        applications=max(1, contacts // 100),
        reference_requests=max(1, contacts // 50),
        introductions=max(1, contacts // 300),
    )


def write_network(store: Store, network: NetworkRecords) -> None:
    """Add every record, one bulk write per table."""
    add_network(store, network)


def bench_data_file(path: Path, data: Path | None, contacts: int) -> None:
    """Put the file a benchmark runs on at ``path``: a copy of ``data``, or else a network of ``contacts``."""
    if data is not None:
        shutil.copy(data, path)
        return
    store = open_store(path)
    write_network(store, network_of(contacts, date(2026, 11, 25)))
    store.close()


def main() -> None:
    """Parse the arguments and write the file."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--contacts', type=int, default=30_000)
    parser.add_argument('--out', type=Path, required=True)
    parser.add_argument('--today', type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f'{args.out} exists; this tool never overwrites a data file')
    started = time.perf_counter()
    network = network_of(args.contacts, args.today)
    store = open_store(args.out)
    write_network(store, network)
    store.close()
    size = args.out.stat().st_size / 1e6
    print(f'wrote {len(network.contacts):,} contacts, {len(network.interactions):,} interactions, '
          f'{len(network.accomplishments):,} accomplishments, {len(network.applications):,} applications, '
          f'{len(network.reference_requests):,} reference requests, {len(network.feedback):,} feedback '
          f'to {args.out} ({size:.1f} MB) in {time.perf_counter() - started:.1f} s')


if __name__ == '__main__':
    main()
