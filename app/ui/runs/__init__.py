"""Running prompts in the desktop app: one run with live output, or several models side by side.

:class:`RunPanel` runs the prompt being edited against the model chosen in its
:class:`ModelPicker`, with the overrides of its :class:`ParamsPanel`, and streams the answer
with live metrics; :class:`CompareView` runs one prompt on up to four models at once. Both run
through :func:`app.runners.prompt_runs.run_prompt` on the background pool (so a run means what
it means in the CLI, and lands in history the same way), and both coalesce the token stream to
at most one widget update per frame.
"""

from app.ui.runs.compare_view import CompareView
from app.ui.runs.model_picker import ModelPicker
from app.ui.runs.params_panel import ParamsPanel
from app.ui.runs.run_panel import RunPanel
from app.ui.runs.token_stream import TokenStream

__all__ = ["CompareView", "ModelPicker", "ParamsPanel", "RunPanel", "TokenStream"]
