"""The --demo network reads as a believable story a newcomer learns the product from."""

from __future__ import annotations

import re
from collections import Counter

from careernet_ui.demo import INTERACTION_NOTES, generate_network
from tests.conftest import TODAY


def test_no_two_people_share_a_name_and_their_addresses_follow_their_names() -> None:
    network = generate_network(TODAY, storylines=True)
    names = Counter(contact.name for contact in network.contacts)
    assert [name for name, count in names.items() if count > 1] == []
    assert {'Dana Okafor', 'Mei Chen'} <= set(names)  # the storylines keep their people
    for contact in network.contacts:
        slug = contact.name.lower().replace(' ', '.').encode('ascii', 'ignore').decode()
        assert all(email.startswith(slug) for email in contact.emails), contact


def test_accomplishments_and_quotes_are_not_all_alike() -> None:
    network = generate_network(TODAY, storylines=True)
    assert len({a.description for a in network.accomplishments}) == len(network.accomplishments)
    quotes = [f.text for f in network.feedback if f.text]
    assert len(set(quotes)) >= len(quotes) // 2 + 1


def test_notes_drawn_for_anyone_use_no_gendered_pronoun() -> None:
    assert not [note for note in INTERACTION_NOTES if re.search(r'\b(she|he|her|him|his)\b', note, re.IGNORECASE)]
