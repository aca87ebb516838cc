"""The built-in local runner: GGUF models through llama.cpp, in a separate worker process."""
