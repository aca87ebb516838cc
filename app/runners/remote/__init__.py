"""The remote runner: hosted model APIs and OpenAI-compatible local servers through litellm.

Model ids look like ``remote:<provider>/<model>`` (``remote:openai/gpt-4o-mini``,
``remote:ollama/llama3.2``). :mod:`.providers` says which providers exist and how their ids map
to litellm; :mod:`.runner` streams a request over asyncio; :mod:`.plugin` registers the runner
through the same pluggy hook a third-party plugin uses. litellm is imported lazily, only when a
remote run or a price lookup happens, so the GUI's start-up never pays for it.
"""
