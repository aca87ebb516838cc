"""The starter catalogue's shape: at least 40 templates across the seven industries, each with
typed variables, three or more test cases with assertions, example outputs, a license, files in
the library's canonical JSON (so the server and the desktop hash them alike), and every
template renders with its example inputs and with every test case's values.

Whether each passes its own cases on its model is ``tests/integration/test_starter_models.py``.
"""

from __future__ import annotations

from collections import Counter

import gallery_starter
from app.core.prompt import PromptContent
from app.core.protocol import gallery as catalogue
from app.core.protocol.objects import object_id
from app.core.rendering import render_prompt
from app.core.versions import version_id
from app.gallery import starter

SEVEN = [i for i in catalogue.INDUSTRIES if i != "general"]


def test_forty_templates_across_the_seven_industries() -> None:
    templates = starter.load()
    assert len(templates) >= 40
    industries = Counter(t.content.industry for t in templates)
    assert set(industries) <= set(catalogue.INDUSTRIES)
    for industry in SEVEN:
        assert industries[industry] >= 5, industry
    names = [t.content.name for t in templates]
    assert len(names) == len(set(names))


def test_each_template_is_complete() -> None:
    for template in starter.load():
        content = template.content
        where = content.name
        assert content.title, where
        assert content.description, where
        assert content.use_case, where
        assert content.variables, where
        assert all(v.description for v in content.variables), where
        assert len(content.tests) >= 3, where
        assert all(case.assertions for case in content.tests), where
        assert template.license in catalogue.LICENSES, where
        assert template.models, where
        assert template.examples, where
        assert all(e["output"].strip() and e["model"] for e in template.examples), where
        assert set(template.remote_only) <= {c.id for c in content.tests}, where
        assert all(template.remote_only.values()), where  # each skip says why


def test_the_files_are_canonical_and_hash_as_the_library_does() -> None:
    for data in gallery_starter.templates():
        content = PromptContent.from_json(data["prompt"])
        assert content.to_json() == data["prompt"], f"{content.name} is not in canonical form"
        payload = gallery_starter.version_payload(data)
        expected = version_id(
            content, (), gallery_starter.MESSAGE, gallery_starter.AUTHOR, gallery_starter.CREATED_AT
        )
        assert object_id(payload) == expected


def test_every_template_renders_with_its_examples_and_its_cases() -> None:
    for template in starter.load():
        content = template.content
        for values in [e["vars"] for e in template.examples] + [c.vars for c in content.tests]:
            rendered = render_prompt(content, values)
            assert rendered.user.strip(), content.name
            assert "{{" not in rendered.user, content.name
