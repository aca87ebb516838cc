"""Model runners as plugins: local llama.cpp in a worker process and remote providers via litellm.

Heavy libraries (llama_cpp, litellm) are imported only inside the worker or the function
that needs them, never on the GUI's start-up path.
"""
