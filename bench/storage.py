"""Write latency of CareerNet's store against stock TinyDB on the same data, in the same run.

    python -m bench.storage [--sizes 1000 10000 30000] [--ops 40] [--stock-ops 8]

For each network size it times three user actions: add a contact, update a contact and log
an interaction. CareerNet's store: ``open_store`` + repositories (durable: fsync + rename).
Stock TinyDB: ``TinyDB(path)`` with its default ``JSONStorage`` on a copy of the same file,
doing the same document operations. Prints p50/p95 in ms and the p95 ratio.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tinydb import TinyDB

from bench.generate import network_of, write_network
from careernet_ui.domain import Contact, Interaction, InteractionKind
from storage import open_store
from storage.codec import encode

ACTIONS = ('add contact', 'update contact', 'log interaction')


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p95) in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(action: Callable[[int], object], count: int) -> list[float]:
    """Run ``action(i)`` ``count`` times; the seconds each took."""
    samples = []
    for index in range(count):
        started = time.perf_counter()
        action(index)
        samples.append(time.perf_counter() - started)
    return samples


def bench_size(contacts: int, ops: int, stock_ops: int, folder: Path) -> dict[str, dict[str, tuple[float, float]]]:
    """Time both stores at one network size."""
    today = date.today()
    ours_path = folder / f'ours-{contacts}.json'
    network = network_of(contacts, today)
    store = open_store(ours_path)
    write_network(store, network)
    store.close()
    stock_path = folder / f'stock-{contacts}.json'
    shutil.copy(ours_path, stock_path)
    results: dict[str, dict[str, tuple[float, float]]] = {'careernet': {}, 'stock': {}}

    store = open_store(ours_path)
    people = store.contacts.all()
    results['careernet']['add contact'] = percentiles(
        timed(lambda i: store.contacts.add(Contact(name=f'Bench Person {i}', organisation='Acme')), ops))
    results['careernet']['update contact'] = percentiles(
        timed(lambda i: store.contacts.update(dataclasses.replace(people[i], notes=f'edit {i}')), ops))
    results['careernet']['log interaction'] = percentiles(timed(
        lambda i: store.interactions.add(Interaction(contact_id=people[i].id, kind=InteractionKind.COFFEE,
                                                     on=today)), ops))
    store.close()

    db = TinyDB(stock_path)
    contacts_table, interactions_table = db.table('contacts'), db.table('interactions')
    doc_ids = [doc.doc_id for doc in contacts_table.all()[:stock_ops]]
    results['stock']['add contact'] = percentiles(
        timed(lambda i: contacts_table.insert(encode(Contact(name=f'Bench Person {i}'))), stock_ops))
    results['stock']['update contact'] = percentiles(
        timed(lambda i: contacts_table.update({'notes': f'edit {i}'}, doc_ids=[doc_ids[i]]), stock_ops))
    results['stock']['log interaction'] = percentiles(timed(
        lambda i: interactions_table.insert(encode(Interaction(contact_id=people[i].id,
                                                               kind=InteractionKind.COFFEE, on=today))), stock_ops))
    db.close()
    return results


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--sizes', type=int, nargs='+', default=[1_000, 10_000, 30_000])
    parser.add_argument('--ops', type=int, default=40, help='timed operations per action on CareerNet')
    parser.add_argument('--stock-ops', type=int, default=8, help='timed operations per action on stock TinyDB')
    args = parser.parse_args()
    print('| contacts | action | CareerNet p50 | CareerNet p95 | stock TinyDB p50 | stock TinyDB p95 | p95 ratio |')
    print('|---:|---|---:|---:|---:|---:|---:|')
    with tempfile.TemporaryDirectory(prefix='careernet-bench-') as tmp:
        for size in args.sizes:
            results = bench_size(size, args.ops, args.stock_ops, Path(tmp))
            for action in ACTIONS:
                ours, stock = results['careernet'][action], results['stock'][action]
                print(f'| {size:,} | {action} | {ours[0]:.1f} ms | {ours[1]:.1f} ms | {stock[0]:.1f} ms | '
                      f'{stock[1]:.1f} ms | {stock[1] / ours[1]:.1f}× |', flush=True)


if __name__ == '__main__':
    main()
