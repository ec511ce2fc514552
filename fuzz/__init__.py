"""Fuzzing with a budget (``make fuzz``): every codec that reads bytes or text from outside is fed
mutated inputs, and anything it raises other than its own documented error is reported."""
