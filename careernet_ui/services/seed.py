"""Adding a generated network (the demo, or a benchmark's) to a store."""

from __future__ import annotations

from careernet_ui.demo import NetworkRecords
from storage import Store


def add_network(store: Store, network: NetworkRecords) -> None:
    """Add every record of ``network`` in one durable write."""
    with store.transaction():
        store.contacts.add_many(network.contacts)
        store.interactions.add_many(network.interactions)
        store.accomplishments.add_many(network.accomplishments)
        store.feedback.add_many(network.feedback)
        store.applications.add_many(network.applications)
        store.reference_requests.add_many(network.reference_requests)
        store.introductions.add_many(network.introductions)
