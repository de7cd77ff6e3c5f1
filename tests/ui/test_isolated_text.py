"""User text beside other user text is isolated: an Arabic title beside a Hebrew organisation does not scramble.

Each place puts each user-typed part in its own ``<bdi>`` (or gives the element ``dir="auto"``), as
text, never HTML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui.testing import User

from careernet_ui.components.isolated_text import Bdi
from careernet_ui.components.keyed_select import ISOLATED_CLASS, KeyedSelect
from careernet_ui.components.pipeline_card import PipelineCard
from careernet_ui.domain import Contact, Stage
from careernet_ui.styles import STYLESHEET
from tests.ui.helpers import texts
from tests.ui.job_search import JobSearch, application, write
from tests.ui.test_components_js import SOURCES

POSITION = 'مهندسة برمجيات'  # Arabic: software engineer
COMPANY = 'אקמה <b>בע"מ</b>'  # Hebrew, with markup that must show as typed
ROLE_PERSON = Contact(id='noor', name='نور الهدى', organisation=COMPANY, stage=Stage.CONTACT)


@pytest.fixture
def mixed(data_path: Path) -> Path:
    write(data_path, JobSearch(contacts=[ROLE_PERSON], applications=[application('acme', COMPANY, position=POSITION)]))
    return data_path


def bdi_texts(user: User, marker: str) -> list[str]:
    """The ``<bdi>`` children of the (one) element with ``marker``."""
    [element] = user.find(marker=marker).elements
    return [child.text for child in element.default_slot.children if isinstance(child, Bdi)]


@pytest.mark.usefixtures('mixed')
async def test_an_application_row_and_header_isolate_position_and_company(user: User) -> None:
    await user.open('/applications')
    await user.should_see(marker='application-link')
    assert bdi_texts(user, 'application-link') == [POSITION, COMPANY]
    assert texts(user, 'application-link') == [f'{POSITION} at {COMPANY}']
    await user.open('/applications/acme')
    await user.should_see(marker='page-title')
    assert bdi_texts(user, 'page-title') == [POSITION, COMPANY]
    assert texts(user, 'page-title') == [f'{POSITION} at {COMPANY}']


@pytest.mark.usefixtures('mixed')
async def test_a_pipeline_card_gives_its_parts_to_isolate(user: User) -> None:
    await user.open('/pipeline')
    await user.should_see(marker='pipeline-board')
    [card] = [c for c in user.find(kind=PipelineCard).elements if isinstance(c, PipelineCard)]
    assert card.props['parts'] == [ROLE_PERSON.role.label, COMPANY]
    assert card.props['name'] == ROLE_PERSON.name


def test_the_js_components_isolate_user_text() -> None:
    card = (SOURCES / 'components' / 'pipeline_card.js').read_text(encoding='utf-8')
    assert 'dir: "auto"' in card  # the name
    assert 'h("bdi", part)' in card  # the role and the organisation, each on its own
    row = (SOURCES / 'components' / 'next_action_row.js').read_text(encoding='utf-8')
    assert row.count('dir: "auto"') == 2  # the title (the contact's name) and the reason


async def test_a_people_picker_isolates_its_labels(user: User) -> None:
    await user.open('/accomplishments')
    user.find(marker='add-accomplishment').click()
    await user.should_see(marker='accomplishment-witnesses')
    [picker] = [e for e in user.find(marker='accomplishment-witnesses').elements if isinstance(e, KeyedSelect)]
    assert ISOLATED_CLASS in picker.classes
    assert picker.props['popup-content-class'] == ISOLATED_CLASS
    assert f'.{ISOLATED_CLASS} .q-item__label' in STYLESHEET.read_text(encoding='utf-8')
    assert 'unicode-bidi:plaintext' in STYLESHEET.read_text(encoding='utf-8')
