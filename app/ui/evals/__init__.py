"""The evaluation views: a prompt's test cases, eval runs and their results."""
