"""How long the reference workflow's per-action computations take at 30,000 contacts.

Run: ``.venv/bin/python -m bench.reference_workflow [contacts]``. Builds the scaled demo network
in memory (bench.generate.network_of: 300 applications, 600 reference requests at 30k) and
prints the median of a few runs of what a page does on each render or keystroke. No targets are
asserted; the numbers are for the report.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from bench.generate import network_of
from careernet_ui.domain import Network, due_follow_ups
from careernet_ui.domain.application_search import ApplicationQuery, Openness, find_applications
from careernet_ui.domain.application_summary import active_by_stage, reference_load_table, references_in_flight
from careernet_ui.domain.contact_choice import choose_contacts
from careernet_ui.domain.followups.of_application import application_followups, followups_of
from careernet_ui.domain.references import check_reference, least_used_reference

TODAY = date(2026, 11, 25)
RUNS = 5


def main() -> None:
    """Print the median time of each computation."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    records = network_of(size, TODAY)
    network = Network(contacts=records.contacts, interactions=records.interactions,
                      accomplishments=records.accomplishments, feedback=records.feedback,
                      applications=records.applications, reference_requests=records.reference_requests,
                      introductions=records.introductions)
    contacts = {c.id: c for c in network.contacts}
    applications = {a.id: a for a in network.applications}
    application = network.applications[0]
    busiest = max(network.reference_requests, key=lambda r: r.contact_id).contact_id
    print(f'{len(network.contacts):,} contacts, {len(network.applications):,} applications, '
          f'{len(network.reference_requests):,} reference requests')
    timings: dict[str, Callable[[], object]] = {
        'contact select, no text (prefer references)': lambda: choose_contacts(network.contacts, ''),
        'contact select, typed "an"': lambda: choose_contacts(network.contacts, 'an'),
        'contact select, typed a full name': lambda: choose_contacts(network.contacts, network.contacts[-1].name),
        'check_reference (consent, load, least used)': lambda: check_reference(
            contacts[busiest], network.contacts, network.reference_requests, TODAY, application_id=application.id),
        'least_used_reference over everyone': lambda: least_used_reference(network.contacts,
                                                                           network.reference_requests, TODAY),
        'application page follow-ups (its records only)': lambda: followups_of(network, application, TODAY, 365),
        'the same from the whole network, for comparison': lambda: application_followups(
            due_follow_ups(network, TODAY, 365), application, network.reference_requests, network.introductions),
        'applications list filter': lambda: find_applications(network.applications,
                                                              ApplicationQuery(openness=Openness.ALL)),
        'dashboard widgets data': lambda: (active_by_stage(network.applications),
                                           references_in_flight(network.reference_requests, applications, contacts),
                                           reference_load_table(network.reference_requests, contacts, TODAY)),
    }
    for name, run in timings.items():
        run()  # warm caches (folded names) as a running app has them
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            run()
            times.append((time.perf_counter() - start) * 1000)
        print(f'{name:<50} {statistics.median(times):8.1f} ms')


if __name__ == '__main__':
    main()
