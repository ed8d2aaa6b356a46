"""Document-grounded question answering over a policy corpus. See README.md."""
