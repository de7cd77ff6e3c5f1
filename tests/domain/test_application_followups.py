"""The follow-ups about one application, computed on its records alone, match the whole network's."""

from __future__ import annotations

from datetime import date

from careernet_ui.demo import generate_network
from careernet_ui.domain import Interaction, InteractionKind, Introduction, Network, due_follow_ups
from careernet_ui.domain.followups.of_application import application_followups, followups_of

TODAY = date(2026, 11, 25)


def test_each_application_gets_the_same_follow_ups_as_from_the_whole_network() -> None:
    records = generate_network(TODAY, contacts=60, applications=6, reference_requests=12, introductions=4)
    advocate = records.introductions[0].advocate_id
    network = Network(contacts=records.contacts, interactions=[
        *records.interactions, Interaction(contact_id=advocate, kind=InteractionKind.THANK_YOU, on=TODAY)],
        applications=records.applications, reference_requests=records.reference_requests,
        introductions=[*records.introductions,
                       Introduction(advocate_id=advocate, on=TODAY, to_whom='x',
                                    application_id=records.applications[-1].id)])
    everything = due_follow_ups(network, TODAY, 365)
    seen = 0
    for application in network.applications:
        narrow = followups_of(network, application, TODAY, 365)
        whole = application_followups(everything, application, network.reference_requests, network.introductions)
        assert narrow == whole
        seen += len(narrow)
    assert seen > 0
