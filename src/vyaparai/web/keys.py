"""Typed keys for what the application keeps (aiohttp warns on string keys)."""
from aiohttp import web

from vyaparai.workers.queue import Jobs
from vyaparai.workers.services import Services

SERVICES = web.AppKey("services", Services)
JOBS = web.AppKey("jobs", Jobs)
