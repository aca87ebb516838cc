"""Evaluations: test cases kept with a prompt, assertions that grade an output, and the
statistics that say whether one version or model is better than another. Pure: the judge, the
embedder and the expression sandbox are reached through :class:`app.core.evals.grading.Grader`.
"""
