"""The conversation engine: what to ask, what to answer, for customers and shopkeepers."""
