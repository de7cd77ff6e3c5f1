"""The Settings page's default cadence per stage."""

from __future__ import annotations

import pytest

from careernet_ui.domain.contacts import Stage
from careernet_ui.domain.errors import ValidationError
from careernet_ui.domain.forms.cadence import CadenceForm, cadence_field
from careernet_ui.domain.settings import Settings


def test_the_form_shows_the_defaults_and_empty_for_none() -> None:
    form = CadenceForm.from_settings(Settings())
    assert form.days == {Stage.CONTACT: '', Stage.POTENTIAL_ADVOCATE: '45', Stage.REFERENCE: '60',
                         Stage.ADVOCATE: '30'}


def test_edited_defaults_replace_only_the_cadence() -> None:
    settings = Settings(dark_mode=True)
    form = CadenceForm.from_settings(settings)
    form.days[Stage.ADVOCATE] = ' 21 '
    form.days[Stage.CONTACT] = '180'
    form.days[Stage.REFERENCE] = ''
    saved = form.to_settings(settings)
    assert saved.cadence_days == {Stage.CONTACT: 180, Stage.POTENTIAL_ADVOCATE: 45, Stage.REFERENCE: None,
                                  Stage.ADVOCATE: 21}
    assert saved.dark_mode
    assert saved.feed_token == settings.feed_token


@pytest.mark.parametrize(('typed', 'message'), [
    ('monthly', 'Advocate cadence "monthly" is not a whole number.'),
    ('0', 'Advocate cadence must be a whole number of days from 1 to 3650, not 0.'),
    ('99999', 'Advocate cadence must be a whole number of days from 1 to 3650, not 99999.'),
])
def test_a_bad_cadence_names_its_stage_and_field(typed: str, message: str) -> None:
    form = CadenceForm.from_settings(Settings())
    form.days[Stage.ADVOCATE] = typed
    with pytest.raises(ValidationError) as caught:
        form.to_settings(Settings())
    assert str(caught.value) == message
    assert caught.value.field == cadence_field(Stage.ADVOCATE) == 'cadence_advocate'
