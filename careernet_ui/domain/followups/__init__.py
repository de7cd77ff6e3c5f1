"""Follow-ups: what the user should do next, and why. Every rule that raises a reminder lives here.

* ``followup``: the records (``FollowUp``, ``FollowUpState``, ``FollowUpStatus``).
* ``engine``: ``due_follow_ups`` and the ``KINDS`` registry; "how to add a kind" is in its docstring.
* One module per kind (or family of kinds): ``keep_in_touch``, ``stage_suggestion``,
  ``feedback_nudge``, ``ask_feedback``, ``share_accomplishment``, ``reference_help`` (brief,
  thank, share the outcome, thank for an introduction or help, share an offer), ``consent``,
  ``letters`` (nudge for and thank for a recommendation letter), ``progress_update`` (keep
  advocates informed of your progress and goals).
* ``set_aside``: the follow-ups the user snoozed or dismissed, to find them again.
* ``network_index``: the lookups every kind shares, built once per computation.
* ``memo``: the per-kind cache the feed and the dashboard reuse between changes.
* ``actions``: done, dismissed, snoozed: the user's decisions applied to follow-ups.
* ``of_application``: the follow-ups of one application, each with the record resolving it.
"""

from .followup import FollowUp, FollowUpState, FollowUpStatus

__all__ = ['FollowUp', 'FollowUpState', 'FollowUpStatus']
