"""VyaparAI: chat ordering for Indian kirana stores."""

__version__ = "0.1.0"
