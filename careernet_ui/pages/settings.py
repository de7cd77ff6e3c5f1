"""Settings: how often to keep in touch at each stage (and, as features add them, more cards)."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.components.form_submit import submit
from careernet_ui.components.frame import frame
from careernet_ui.components.touch import autofocus
from careernet_ui.context import AppContext
from careernet_ui.domain import Stage
from careernet_ui.domain.forms.cadence import (
    ASK_FEEDBACK,
    CadenceForm,
    ProgressUpdateForm,
    cadence_field,
    feedback_field,
)
from careernet_ui.services.identity import save_identity
from careernet_ui.services.settings import save_settings_form

SettingsSection = Callable[[AppContext], None]
"""Renders one card on the Settings page; features add theirs to ``SECTIONS``."""


def register(ctx: AppContext) -> None:
    """Register ``/settings``."""

    @ui.page('/settings')
    def settings_page() -> None:
        with frame(ctx, 'Settings'):
            for section in SECTIONS:
                section(ctx)


def cadence_defaults(ctx: AppContext) -> None:
    """The keep-in-touch default per stage, with messages under a bad field."""
    form = CadenceForm.from_settings(ctx.store.settings)
    inputs: dict[str, ui.input] = {}

    def save() -> None:
        submit(lambda: save_settings_form(ctx.store, form), inputs, 'Saved the keep-in-touch defaults.')

    with ui.card().classes('w-full max-w-2xl gap-2').mark('settings-cadence'):
        ui.label('Keep in touch').classes('text-lg font-semibold')
        ui.label('How often CareerNet reminds you to contact someone, by stage, counted from your last logged '
                 'interaction. Leave a stage empty for no reminder. A cadence set on a person overrides these.') \
            .classes('text-grey-8')
        with ui.grid().classes('w-full grid-cols-1 sm:grid-cols-2 gap-x-4 gap-y-1'):
            for stage in Stage:
                name = cadence_field(stage)
                element = ui.input(f'{stage.label}: every … days', placeholder='no reminder') \
                    .bind_value(form.days, stage).on('keydown.enter', save).mark(f'cadence-{stage.value}')
                if stage is Stage.CONTACT:
                    element.props(autofocus())
                inputs[name] = element
        with ui.row().classes('w-full justify-end'):
            ui.button('Save', icon='save', on_click=save).mark('save-cadence')


def feedback_defaults(ctx: AppContext) -> None:
    """How often to ask the people at each stage for feedback ("seek regular feedback")."""
    form = CadenceForm.from_settings(ctx.store.settings, ASK_FEEDBACK)
    inputs: dict[str, ui.input] = {}

    def save() -> None:
        submit(lambda: save_settings_form(ctx.store, form), inputs, 'Saved the feedback cadences.')

    with ui.card().classes('w-full max-w-2xl gap-2').mark('settings-feedback'):
        ui.label('Seek regular feedback').classes('text-lg font-semibold')
        ui.label('How often CareerNet reminds you to ask the people at each stage for feedback, counted from '
                 'the last feedback asked or given. Empty: never (every 180 days suits references and '
                 'advocates).').classes('text-grey-8')
        with ui.grid().classes('w-full grid-cols-1 sm:grid-cols-2 gap-x-4 gap-y-1'):
            for stage in Stage:
                inputs[feedback_field(stage)] = ui.input(f'{stage.label}: every … days', placeholder='never') \
                    .bind_value(form.days, stage).on('keydown.enter', save).mark(f'feedback-{stage.value}')
        with ui.row().classes('w-full justify-end'):
            ui.button('Save', icon='save', on_click=save).mark('save-feedback-cadence')


def about_you(ctx: AppContext) -> None:
    """Your own name and e-mail signature (signing briefs and drafts), and where your data lives."""
    settings = ctx.store.settings
    inputs: dict[str, ui.input | ui.textarea] = {}

    def save() -> None:
        submit(lambda: save_identity(ctx.store, own_name=inputs['own_name'].value or '',
                                     signature=inputs['signature'].value or ''),
               inputs, lambda _: 'Saved your name and signature.')

    with ui.card().classes('w-full max-w-2xl gap-2').mark('settings-you'):
        ui.label('You').classes('text-lg font-semibold')
        ui.label('How the briefs and messages CareerNet drafts for you are signed. A name typed in a '
                 'brief\'s "Sign as" is remembered here too.').classes('text-grey-8')
        inputs['own_name'] = ui.input('Your name', value=settings.own_name).props('dir=auto') \
            .on('keydown.enter', save).classes('w-full').mark('settings-own-name')
        inputs['signature'] = ui.textarea('Your e-mail signature', value=settings.signature,
                                          placeholder='e.g. your role, phone, profile link') \
            .props('autogrow dir=auto').classes('w-full').mark('settings-signature')
        with ui.row().classes('w-full justify-end'):
            ui.button('Save', icon='save', on_click=save).mark('save-you')
        ui.label(f'Data file: {ctx.store.path}').classes('text-sm text-grey-8 break-all').mark('settings-data-file')
        ui.label(f'Time zone: {settings.timezone} (set on the Calendar page)').classes('text-sm text-grey-8') \
            .mark('settings-time-zone')




def progress_update_cadence(ctx: AppContext) -> None:
    """How often each advocate is due a progress update ("keep advocates informed of your progress and goals")."""
    form = ProgressUpdateForm.from_settings(ctx.store.settings)
    inputs: dict[str, ui.element] = {}

    def save() -> None:
        submit(lambda: save_settings_form(ctx.store, form), inputs, 'Saved the progress update cadence.')

    with ui.card().classes('w-full max-w-2xl gap-2').mark('settings-progress'):
        ui.label('Keep advocates informed').classes('text-lg font-semibold')
        ui.label('How often CareerNet drafts each advocate one progress update: your accomplishments and goals '
                 'since the last update they had. Empty: never.').classes('text-grey-8')
        inputs['progress_update_days'] = ui.input('Advocates: a progress update every … days', placeholder='never') \
            .bind_value(form, 'days').on('keydown.enter', save).classes('w-full sm:w-80').mark('progress-update-days')
        with ui.row().classes('w-full justify-end'):
            ui.button('Save', icon='save', on_click=save).mark('save-progress-update')


SECTIONS: list[SettingsSection] = [about_you, cadence_defaults, feedback_defaults, progress_update_cadence]
