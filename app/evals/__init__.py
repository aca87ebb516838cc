"""The evaluation service: runs a prompt's test cases over versions × models × repeats, grades
each cell (the judge, the embedder and the expression sandbox behind
:class:`app.core.evals.grading.Grader`), caches identical calls and stores every cell.
"""
