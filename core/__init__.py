"""The kernel: words and tools every app of ours may use. It imports no other app of ours."""
