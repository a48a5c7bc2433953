"""Background jobs: process inbound messages, deliver the outbox, sweep what was left behind."""
