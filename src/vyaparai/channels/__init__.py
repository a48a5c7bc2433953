"""Channel adapters: verify and parse what a provider sends us, render and send our replies."""
