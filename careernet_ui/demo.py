"""A realistic, made-up network: the --demo data, and at scale the benchmarks' "30k network".

Everything is drawn from a seeded random generator relative to ``today``, so the same seed
and day give the same network.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from careernet_ui.domain import (
    Accomplishment,
    Application,
    ApplicationStage,
    ApplicationStageChange,
    Contact,
    Feedback,
    Interaction,
    InteractionKind,
    Introduction,
    Metric,
    ReferenceConsent,
    ReferenceRequest,
    RequestStatus,
    RequestStep,
    Role,
    Stage,
    StageChange,
)

FIRST = ('Dana', 'Mei', 'Tomasz', 'José', 'Priya', 'Aisha', 'Jonas', 'Sofia', 'Kwame', 'Elena', 'Hiroshi',
         'Fatima', 'Noah', 'Chloé', 'Ravi', 'Ingrid', 'Luis', 'Amara', 'Oskar', 'Yuki', 'Zanele', 'Mateo',
         'Leila', 'Finn', 'Anika', 'Kofi', 'Marta', 'Arjun', 'Nadia', 'Sven', 'Camille', 'Tariq')
LAST = ('Okafor', 'Chen', 'Nowak', 'Martín', 'Raman', 'Bello', 'Lindqvist', 'Rossi', 'Mensah', 'Petrova',
        'Tanaka', 'Haddad', 'Williams', 'Dubois', 'Iyer', 'Berg', 'García', 'Adeyemi', 'Novak', 'Sato',
        'Dlamini', 'Fernández', 'Karimi', 'Murphy', 'Schmidt', 'Boateng', 'Kowalska', 'Mehta', 'Aziz', 'Holm')
ORGS = ('Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Vandelay Industries', 'Stark Industries',
        'Wayne Enterprises, Inc.', 'Pied Piper', 'Hooli', 'Soylent Labs', 'Cyberdyne Systems', 'Tyrell Analytics')
TITLES = {
    Role.SUPERVISOR: ('Engineering Manager', 'Director of Engineering', 'VP Product', 'Head of Data'),
    Role.COLLEAGUE: ('Senior Software Engineer', 'Staff Engineer', 'Product Designer', 'Data Scientist'),
    Role.MENTOR: ('Principal Engineer', 'CTO', 'Founder', 'Distinguished Engineer'),
    Role.CLIENT: ('Head of Operations', 'Product Owner', 'COO', 'Procurement Lead'),
    Role.PEER: ('Software Engineer', 'Tech Lead', 'Engineering Manager', 'Solutions Architect'),
    Role.RECRUITER: ('Technical Recruiter', 'Talent Partner', 'Head of Talent'),
    Role.OTHER: ('Consultant', 'Community Organiser', 'Professor'),
}
HOW_MET = (
    'Worked together on the payments platform migration.',
    'Managed me for two years on the data team.',
    'Met at PyCon; we co-organised the sprint day.',
    'Client on the logistics rebuild; ran the weekly steering meeting.',
    'Mentored me through my first tech-lead role.',
    'Reached out about a staff role; kept in touch since.',
    'Shared an on-call rotation through the 2024 outage season.',
)
TAGS = ('python', 'payments', 'data', 'leadership', 'infra', 'design', 'hiring', 'ml', 'security', 'mobile')
NOTES = (
    'Prefers a call to e-mail. Ask about the marathon training.',
    'Knows the hiring managers at Globex well.',
    'Happy to be a reference; likes a short brief before each call.',
    'Writes thoughtful feedback; quote the Q3 review.',
    '',
    '',
)
STAGE_WEIGHTS = {Stage.CONTACT: 5, Stage.POTENTIAL_ADVOCATE: 3, Stage.REFERENCE: 2, Stage.ADVOCATE: 1}
ROLE_WEIGHTS = {Role.SUPERVISOR: 2, Role.COLLEAGUE: 5, Role.MENTOR: 1, Role.CLIENT: 1, Role.PEER: 3,
                Role.RECRUITER: 1, Role.OTHER: 1}
# Drawn for anyone, so no pronoun that could be the wrong one ("her" for Kwame).
INTERACTION_NOTES = (
    'Caught up over coffee; they are moving to the platform org.',
    'Quick call about the staff role at Hooli.',
    'Sent the Q3 launch numbers; got a warm note of congratulations back.',
    'Asked for advice on negotiating the offer.',
    'Thanked them for the reference call with Initech.',
    'Lunch near the office. Talked about conference talks.',
    '',
)
ACCOMPLISHMENTS = (
    ('Cut checkout p95 latency', 'p95 latency', 800.0, 120.0, 'ms'),
    ('Grew self-serve revenue', 'revenue', 1.2, None, 'M USD'),
    ('Halved onboarding time', 'onboarding time', -40.0, None, '%'),
    ('Migrated 40 services to Kubernetes', 'services migrated', 40.0, None, ''),
    ('Reduced cloud spend', 'monthly cost', 210.0, 145.0, 'k USD'),
    ('Launched the partner API', 'partners onboarded', 18.0, None, ''),
    ('Raised test coverage', 'coverage', 41.0, 83.0, '%'),
    ('Hired and onboarded the data team', 'engineers hired', 6.0, None, ''),
)
# What was done, one for each of ACCOMPLISHMENTS: the story behind each number.
DESCRIPTIONS = (
    'Profiled the checkout path, replaced the per-item price lookups with one batched query and cached '
    'the tax tables; rolled it out behind a flag, one region at a time.',
    'Ran pricing experiments on the self-serve plans with growth and finance, and rebuilt the upgrade '
    'flow so a team could start paying without talking to sales.',
    'Turned the two-week onboarding into a scripted dev environment, a starter task and a buddy rota; '
    'measured it on the next twelve hires.',
    'Wrote the migration playbook, moved the first five services myself, then paired with each team on '
    'theirs; no customer-facing outage.',
    'Tagged every resource by team, right-sized the databases and moved the batch jobs to spot '
    'instances; finance now gets a monthly report per team.',
    'Designed the partner API with three launch partners, wrote the docs and the sandbox, and ran the '
    'weekly partner call until the tenth integration went live.',
    'Made the flaky suite reliable first, then set a coverage floor per package in CI and ran '
    'lunchtime sessions on testing the hard parts.',
    'Wrote the role descriptions, ran the interview loop with two colleagues, and built the first '
    'month for six new engineers.',
)
QUOTES = (
    'Clear communicator under pressure; the rollout plan made the migration boring, in the best way.',
    'You made the numbers easy to trust: every claim in the review had a dashboard behind it.',
    'The new people you mentored ramped up faster than any cohort I have managed.',
    'You said no to the right things; the quarter went better for it.',
    'Your design doc settled an argument we had been having for a year.',
    'Calm in the incident channel, and the write-up afterwards was the best we have had.',
    'Partners kept asking for you by name on the weekly call.',
    'You found the cost savings nobody else was looking for, and brought finance along.',
)
POSITIONS = ('Staff Engineer', 'Engineering Manager', 'Principal Engineer', 'Tech Lead', 'Head of Platform')


@dataclass(kw_only=True, slots=True)
class NetworkRecords:
    """A whole generated network, ready to be added to a store."""

    contacts: list[Contact] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    accomplishments: list[Accomplishment] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    reference_requests: list[ReferenceRequest] = field(default_factory=list)
    introductions: list[Introduction] = field(default_factory=list)


def generate_network(today: date, *, seed: int = 7, contacts: int = 36, interactions: int = 220,
                     accomplishments: int = 8, feedback: int = 12, applications: int = 4,
                     reference_requests: int = 6, introductions: int = 3, storylines: bool = False) -> NetworkRecords:
    """Make a network of the given size whose dates lie in the year before ``today``.

    With ``storylines``, two hand-written people are added (after everything random, so the rest
    is unchanged) so that a first look at ``--demo`` shows what the app is for: an advocate gone
    quiet for 74 days, and a contact whose requests for advice suggest a potential advocate.
    """
    rng = random.Random(seed)  # noqa: S311  # made-up data, not secrets
    net = NetworkRecords()
    net.contacts = [_contact(rng, today, index) for index in range(contacts)]
    net.interactions = _interactions(rng, today, net.contacts, interactions)
    people = [c for c in net.contacts if c.role is not Role.RECRUITER] or net.contacts
    for index in range(accomplishments):
        net.accomplishments.append(_accomplishment(rng, today, index, people))
    for index in range(feedback):
        net.feedback.append(_feedback(rng, today, people, net.accomplishments, index))
    backers = [c for c in net.contacts if c.stage in (Stage.REFERENCE, Stage.ADVOCATE)] or net.contacts
    for index in range(applications):
        net.applications.append(_application(rng, today, index, backers))
    for index in range(min(reference_requests, len(net.applications) * len(backers))):
        application = net.applications[index % len(net.applications)]
        net.reference_requests.append(_reference_request(rng, today, application, backers, index))
    advocates = [c for c in net.contacts if c.stage is Stage.ADVOCATE] or net.contacts
    for index in range(introductions):
        opened: Application | None = net.applications[index] if index < len(net.applications) else None
        net.introductions.append(Introduction(
            id=_id(rng),
            advocate_id=advocates[index % len(advocates)].id,
            on=today - timedelta(days=rng.randint(20, 200)),
            to_whom=opened.company if opened else rng.choice(ORGS),
            application_id=opened.id if opened else None,
            outcome='Led to a first interview.' if opened else '',
            created_at=_stamp(today, 200),
            updated_at=_stamp(today, 20),
        ))
    if storylines:
        _add_storylines(net, today, random.Random(f'{seed}-storylines'))  # noqa: S311
    net.contacts = _consent_from_agreements(net.contacts, net.reference_requests)
    return net


def _consent_from_agreements(contacts: list[Contact], requests: list[ReferenceRequest]) -> list[Contact]:
    """Agreeing to be a reference is consent to be listed, as the app records it (``Contact.agreed_to_be_a_reference``).

    Each agreement, in date order, gives consent from that day unless a valid one already covers it.
    """
    by_id = {contact.id: contact for contact in contacts}
    agreements = sorted((on, request.contact_id) for request in requests
                        if (on := request.reached_on(RequestStatus.AGREED)) is not None)
    for on, contact_id in agreements:
        contact = by_id.get(contact_id)
        agreed = contact.agreed_to_be_a_reference(on) if contact is not None else None
        if agreed is not None:
            by_id[contact_id] = agreed
    return [by_id[contact.id] for contact in contacts]


def _add_storylines(net: NetworkRecords, today: date, rng: random.Random) -> None:
    def day(days_ago: int) -> date:
        return today - timedelta(days=days_ago)

    dana = Contact(
        id=_id(rng), name='Dana Okafor', role=Role.MENTOR, organisation='Acme Corp', title='Director of Engineering',
        emails=('dana.okafor@example.com',), how_we_met='Managed me for two years on the data team.',
        tags=('leadership', 'data'), stage=Stage.ADVOCATE,
        stage_history=(StageChange(on=day(700), to_stage=Stage.CONTACT),
                       StageChange(on=day(500), to_stage=Stage.POTENTIAL_ADVOCATE, from_stage=Stage.CONTACT),
                       StageChange(on=day(300), to_stage=Stage.REFERENCE, from_stage=Stage.POTENTIAL_ADVOCATE),
                       StageChange(on=day(120), to_stage=Stage.ADVOCATE, from_stage=Stage.REFERENCE)),
        consent=ReferenceConsent(given_on=day(300), expires_on=day(300) + timedelta(days=730)),
        connected_on=day(700), created_at=_stamp(day(700), 0), updated_at=_stamp(day(120), 0),
    )
    mei = Contact(
        id=_id(rng), name='Mei Chen', role=Role.COLLEAGUE, organisation='Globex', title='Staff Engineer',
        how_we_met='Shared an on-call rotation through the 2024 outage season.', tags=('infra',),
        stage=Stage.CONTACT, stage_history=(StageChange(on=day(400), to_stage=Stage.CONTACT),),
        connected_on=day(400), created_at=_stamp(day(400), 0), updated_at=_stamp(day(400), 0),
    )
    story = (
        (dana, InteractionKind.REFERENCE_GIVEN, 300, 'Reference call with Initech; she said it went well.'),
        (dana, InteractionKind.REFERENCE_GIVEN, 150, 'Reference for the Hooli staff role.'),
        (dana, InteractionKind.INTRODUCTION_MADE, 120, 'Introduced me to the head of platform at Globex.'),
        (dana, InteractionKind.COFFEE, 74, 'Caught up over coffee; she is moving to the platform org.'),
        (mei, InteractionKind.ADVICE_ASKED, 60, 'Asked how she prepared for the staff promotion.'),
        (mei, InteractionKind.FEEDBACK_ASKED, 20, 'Asked for feedback on my design doc.'),
    )
    net.contacts = [*_distinct_names(net.contacts, reserved={dana.name, mei.name}), dana, mei]
    net.interactions.extend(
        Interaction(id=_id(rng), contact_id=person.id, kind=kind, on=day(ago), note=note,
                    created_at=_stamp(day(ago), 0), updated_at=_stamp(day(ago), 0))
        for person, kind, ago, note in story
    )
    net.interactions.sort(key=lambda i: i.on)


def _distinct_names(contacts: list[Contact], *, reserved: set[str]) -> list[Contact]:
    """The contacts, a repeated name (two "Yuki Dlamini") given another surname: the demo must not confuse.

    Renaming draws nothing from the generator, so everything else in the network stays as it was.
    """
    taken, result = set(reserved), []
    for contact in contacts:
        if contact.name in taken:
            first, _, old_last = contact.name.partition(' ')
            last = next((s for s in LAST if f'{first} {s}' not in taken), None)
            if last is not None:
                old_slug, new_slug = (_slug(f'{first}.{surname}') for surname in (old_last, last))
                contact = replace(contact, name=f'{first} {last}',
                                  emails=tuple(e.replace(old_slug, new_slug, 1) for e in contact.emails),
                                  links=tuple(link.replace(old_slug.replace('.', '-'), new_slug.replace('.', '-'), 1)
                                              for link in contact.links))
        taken.add(contact.name)
        result.append(contact)
    return result


def _slug(name: str) -> str:
    return re.sub(r'[^a-z.]', '', name.lower().encode('ascii', 'ignore').decode())


def _contact(rng: random.Random, today: date, index: int) -> Contact:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    name = f'{first} {last}' if index < len(FIRST) * len(LAST) else f'{first} {last} {index}'
    role = rng.choices(list(ROLE_WEIGHTS), weights=list(ROLE_WEIGHTS.values()))[0]
    stage = rng.choices(list(STAGE_WEIGHTS), weights=list(STAGE_WEIGHTS.values()))[0]
    added = today - timedelta(days=rng.randint(200, 900))
    history = [StageChange(on=added, to_stage=Stage.CONTACT)]
    order = list(Stage)
    for step in order[1 : order.index(stage) + 1]:
        history.append(StageChange(on=history[-1].on + timedelta(days=rng.randint(20, 60)), to_stage=step,
                                   from_stage=history[-1].to_stage))
    consent = None
    if stage in (Stage.REFERENCE, Stage.ADVOCATE):
        given = history[-1].on
        consent = ReferenceConsent(given_on=given, expires_on=given + timedelta(days=rng.choice((180, 365, 730))))
    org = rng.choice(ORGS)
    slug = f'{first}.{last}'.lower().encode('ascii', 'ignore').decode() or f'person{index}'
    created = _stamp(added, 0)
    return Contact(
        id=_id(rng),
        name=name,
        role=role,
        organisation=org,
        title=rng.choice(TITLES[role]),
        emails=(f'{slug}{index}@example.com',) if rng.random() < 0.6 else (),
        links=(f'https://www.linkedin.com/in/{slug.replace(".", "-")}-{1000 + index}',),
        how_we_met=rng.choice(HOW_MET),
        tags=tuple(rng.sample(TAGS, rng.randint(0, 3))),
        notes=rng.choice(NOTES),
        stage=stage,
        stage_history=tuple(history),
        consent=consent,
        connected_on=added,
        created_at=created,
        updated_at=created,
    )


def _interactions(rng: random.Random, today: date, contacts: list[Contact], count: int) -> list[Interaction]:
    if not contacts:
        return []
    # Closer relationships get more of the touches, as they do in life.
    weights = [1 + 3 * list(Stage).index(c.stage) for c in contacts]
    kinds = list(InteractionKind)
    result = []
    for contact in rng.choices(contacts, weights=weights, k=count):
        on = today - timedelta(days=rng.randint(1, 365))
        kind = rng.choice(kinds)
        result.append(Interaction(id=_id(rng), contact_id=contact.id, kind=kind, on=on,
                                  note=rng.choice(INTERACTION_NOTES),
                                  created_at=_stamp(on, 0), updated_at=_stamp(on, 0)))
    result.sort(key=lambda i: i.on)
    return result


def _accomplishment(rng: random.Random, today: date, index: int, people: list[Contact]) -> Accomplishment:
    title, metric, value, after, unit = ACCOMPLISHMENTS[index % len(ACCOMPLISHMENTS)]
    on = today - timedelta(days=rng.randint(14, 360))
    baseline = value if after is not None else None
    return Accomplishment(
        id=_id(rng),
        title=title if index < len(ACCOMPLISHMENTS) else f'{title} ({index})',
        on=on,
        role='Senior Software Engineer',
        project=rng.choice(('Checkout', 'Platform', 'Partner API', 'Data platform')),
        organisation=rng.choice(ORGS),
        description=DESCRIPTIONS[index % len(DESCRIPTIONS)],
        metric=Metric(name=metric, value=after if after is not None else value, unit=unit, baseline=baseline),
        tags=tuple(rng.sample(TAGS, 2)),
        witness_ids=tuple(c.id for c in rng.sample(people, min(2, len(people)))),
        created_at=_stamp(on, 0),
        updated_at=_stamp(on, 0),
    )


def _feedback(rng: random.Random, today: date, people: list[Contact],
              accomplishments: list[Accomplishment], index: int) -> Feedback:
    asked = today - timedelta(days=rng.randint(5, 300))
    answered = rng.random() < 0.75
    linked = (rng.choice(accomplishments).id,) if accomplishments and rng.random() < 0.5 else ()
    return Feedback(
        id=_id(rng),
        contact_id=rng.choice(people).id,
        asked_on=asked,
        received_on=asked + timedelta(days=rng.randint(1, 4)) if answered else None,
        text=QUOTES[index % len(QUOTES)] if answered else '',
        themes=tuple(rng.sample(('communication', 'ownership', 'technical depth', 'mentoring'), 2)) if answered else (),
        accomplishment_ids=linked,
        created_at=_stamp(asked, 0),
        updated_at=_stamp(asked, 0),
    )


def _application(rng: random.Random, today: date, index: int, backers: list[Contact]) -> Application:
    applied = today - timedelta(days=rng.randint(10, 60))
    stage = (ApplicationStage.INTERVIEWING, ApplicationStage.APPLIED, ApplicationStage.OFFER,
             ApplicationStage.REJECTED)[index % 4]
    history = [ApplicationStageChange(on=applied, stage=ApplicationStage.APPLIED)]
    if stage is not ApplicationStage.APPLIED:
        history.append(ApplicationStageChange(on=applied + timedelta(days=7), stage=stage))
    interviews = [today + timedelta(days=rng.randint(3, 20))] if stage is ApplicationStage.INTERVIEWING else []
    return Application(
        id=_id(rng),
        company=ORGS[(index * 5) % len(ORGS)],
        position=POSITIONS[index % len(POSITIONS)],
        job_url=f'https://jobs.example.com/{index + 100}',
        source='Referral' if index % 2 else 'Job board',
        stage=stage,
        stage_history=tuple(history),
        interview_dates=tuple(interviews),
        created_at=_stamp(applied, 0),
        updated_at=_stamp(applied, 0),
    )


def _reference_request(rng: random.Random, today: date, application: Application, backers: list[Contact],
                       index: int) -> ReferenceRequest:
    contact = backers[index % len(backers)]
    asked = application.stage_history[0].on + timedelta(days=2)
    steps = [RequestStatus.ASKED, RequestStatus.AGREED, RequestStatus.BRIEFED][: 1 + index % 3]
    history = [RequestStep(on=min(asked + timedelta(days=n), today), status=s) for n, s in enumerate(steps)]
    return ReferenceRequest(id=_id(rng), application_id=application.id, contact_id=contact.id, status=steps[-1],
                            history=tuple(history), created_at=_stamp(asked, 0), updated_at=_stamp(asked, 0))


def _stamp(day: date, days_before: int) -> datetime:
    return datetime.combine(day - timedelta(days=days_before), time(9, 0), tzinfo=UTC)


def _id(rng: random.Random) -> str:
    """A uuid-shaped id drawn from the seeded generator, so a seed gives the same ids."""
    return f'{rng.getrandbits(128):032x}'
