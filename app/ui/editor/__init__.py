"""The prompt editor: one tab per open prompt, with template editors, fields, variables and a live
preview.

:class:`~app.ui.editor.prompt_tab.PromptTab` is what the window opens; the parts it is built
from (:class:`~app.ui.editor.code_editor.TemplateEditor`,
:class:`~app.ui.editor.variables_form.VariablesForm`,
:class:`~app.ui.editor.preview.PromptPreview`) are usable on their own, e.g. a run panel can
show a ``VariablesForm`` and a ``PromptPreview`` for a prompt it does not edit.
"""

from app.ui.editor.code_editor import TemplateEditor
from app.ui.editor.preview import PromptPreview
from app.ui.editor.prompt_tab import PromptTab
from app.ui.editor.variables_form import VariablesForm

__all__ = ["PromptPreview", "PromptTab", "TemplateEditor", "VariablesForm"]
