"""Post signed WhatsApp webhooks at a fixed rate, round many customers; a child process of bench/serve_cost.py.

usage: python bench/webhook_driver.py URL --messages 300 --rate 40 --customers 100 --series 1

Apart from aiohttp it imports only bench/load_traffic.py: the driver keeps working while the
package is being edited, and its CPU stays out of the serving process's count.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

import aiohttp

from load_traffic import Webhooks, order_lines

# bench/load_topology.py's: the demo store's WhatsApp number and the app secret the bench's server has.
PHONE_NUMBER_ID = "DEMO-WA-PHONE"
APP_SECRET = "load-bench-app-secret"


async def drive(url: str, count: int, rate: float, customers: int, series: int) -> int:
    """Post `count` webhooks at `rate` a second; returns how many were not answered 200.

    Each run has customers of its own (`series`): a cart that grew over earlier runs would make its turns dearer.
    """
    hooks, lines, refused = Webhooks(PHONE_NUMBER_ID, APP_SECRET), order_lines(count), 0
    async with aiohttp.ClientSession() as http:
        async def post(i: int) -> None:
            nonlocal refused
            body, signature = hooks.body(f"919{series:03d}{i % customers:06d}", f"wamid.cost.{os.getpid()}.{i}",
                                         lines[i])
            async with http.post(url, data=body, headers={"Content-Type": "application/json",
                                                           "X-Hub-Signature-256": signature}) as r:
                await r.read()
                if r.status != 200:
                    refused += 1
                    print(f"webhook {i}: HTTP {r.status}", file=sys.stderr)
        start, tasks = time.monotonic(), []
        for i in range(count):
            await asyncio.sleep(max(0.0, start + i / rate - time.monotonic()))
            tasks.append(asyncio.create_task(post(i)))
        await asyncio.gather(*tasks)
    return refused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--rate", type=float, default=40.0)
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--series", type=int, default=0)
    args = parser.parse_args()
    return 1 if asyncio.run(drive(args.url, args.messages, args.rate, args.customers, args.series)) else 0


if __name__ == "__main__":
    sys.exit(main())
