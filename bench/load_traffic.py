"""The load itself: signed WhatsApp webhooks on a fixed schedule from many customers, and their replies matched up.

Open loop: message i goes out at start + i/rate whether or not earlier ones were answered. Each
message comes from a customer with nothing unanswered (their first reply arrived and 0.5 s of quiet
passed), so every reply that reaches the fake Graph API belongs to exactly one message: that
customer's latest message sent before it. Only when every customer is waiting does a busy one send
again; such messages are counted as "overlapped", and a reply goes to the customer's oldest
unanswered message (a second reply of one turn may then pass for the first of the next).
"""
from __future__ import annotations

import asyncio
import bisect
import hashlib
import heapq
import hmac
import json
import random
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field

import aiohttp

QUIET = 0.5  # seconds after a first reply before that customer may send again (a turn's later replies)
POLL = 0.1

# Hinglish order lines, made up from the demo catalog's goods: items, amounts and the ways people ask.
ITEMS = ("aata", "cheeni", "maggi", "tata namak", "toor dal", "chawal", "basmati chawal", "poha", "besan",
         "moong dal", "masoor dal", "chana dal", "rajma", "haldi", "jeera", "amul butter", "parle g",
         "amul taaza doodh", "pyaaz", "aloo", "tamatar", "surf excel", "colgate", "red label chai",
         "fortune soyabean tel", "kurkure", "bread", "ande", "dahi", "paneer")
AMOUNTS = ("1", "2", "3", "ek", "do", "teen", "1 kilo", "2 kg", "aadha kilo", "250 gram", "5 packet", "do packet")
SHAPES = ("{a} {i} chahiye", "{a} {i} bhej do", "bhaiya {a} {i} dena", "{a} {i} aur {b} {j}",
          "{i} {a} de do", "mujhe {a} {i} chahiye", "{a} {i} add karo", "{i} {a} aur {j} {b} bhejna")


def order_lines(count: int, seed: int = 12) -> list[str]:
    rnd = random.Random(seed)
    return [rnd.choice(SHAPES).format(a=rnd.choice(AMOUNTS), b=rnd.choice(AMOUNTS), i=rnd.choice(ITEMS),
                                      j=rnd.choice(ITEMS)) for _ in range(count)]


class Webhooks:
    """Bodies shaped as Meta sends them (one message per delivery), signed with the app secret."""

    def __init__(self, phone_number_id: str, app_secret: str):
        self.key = app_secret.encode()
        self.head = ('{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",'
                     '"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"911100000000",'
                     f'"phone_number_id":"{phone_number_id}"}},')

    def body(self, wa_id: str, message_id: str, text: str) -> tuple[bytes, str]:
        body = (self.head + f'"contacts":[{{"profile":{{"name":"Load {wa_id[-4:]}"}},"wa_id":"{wa_id}"}}],'
                f'"messages":[{{"from":"{wa_id}","id":"{message_id}","timestamp":"{int(time.time())}",'
                f'"type":"text","text":{{"body":{json.dumps(text)}}}}}]}}}}]}}]}}').encode()
        return body, "sha256=" + hmac.new(self.key, body, hashlib.sha256).hexdigest()


@dataclass
class Message:
    customer: str
    posted: float
    overlapped: bool = False
    acked: float | None = None
    status: int | str | None = None
    first_reply: float | None = None
    replies: int = 0
    duplicates: int = 0
    bodies: set = field(default_factory=set)


@dataclass
class Customer:
    wa_id: str
    sent: list = field(default_factory=list)  # (posted time, index into Traffic.messages)
    unanswered: int = 0  # position in `sent` of the oldest message without a reply yet


class Traffic:
    """Sends, collects replies from the fake Graph API, and keeps each message's outcome."""

    def __init__(self, base_url: str, graph_url: str, webhooks: Webhooks, customers: int, *, prefix: str = "9170",
                 replies_before: int = 0, keep_alive: bool = False):
        self.url = f"{base_url}/webhooks/whatsapp"
        self.prefix = prefix
        self.graph_url = graph_url
        self.webhooks = webhooks
        self.customers = {w: Customer(w) for w in (f"{prefix}{i:08d}" for i in range(customers))}
        self.free: deque[str] = deque(self.customers)
        self._by_last_send: OrderedDict[str, None] = OrderedDict()  # who sent longest ago first
        self.keep_alive = keep_alive
        self.messages: list[Message] = []
        self.lines = order_lines(4096)
        self.unmatched = 0  # replies to no customer of ours (the shop owner) or before any message
        self.replies_seen = replies_before  # replies at the fake Graph API read so far, ours or not
        self._pending_free: list[tuple[float, str]] = []
        self.http: aiohttp.ClientSession | None = None

    async def __aenter__(self):
        # A new connection per webhook by default: the kernel spreads connections, not requests, over
        # the processes sharing the port, and a handful of kept-alive connections would pin the load.
        connector = aiohttp.TCPConnector(limit=4000, force_close=not self.keep_alive)
        self.http = aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60))
        self._poller = asyncio.create_task(self._poll_replies())
        return self

    async def __aexit__(self, *exc):
        self._poller.cancel()
        await asyncio.gather(self._poller, return_exceptions=True)
        await self.http.close()

    async def run(self, rate: float, seconds: float) -> tuple[range, float, float]:
        """Send rate*seconds messages on schedule; returns their indexes, the start and the end of sending."""
        first = len(self.messages)
        total = int(rate * seconds)
        tasks = set()
        start = time.monotonic()
        for i in range(total):
            delay = start + i / rate - time.monotonic()
            if delay > 0.001:
                await asyncio.sleep(delay)
            task = asyncio.create_task(self._post(self._next_customer()))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        ended = time.monotonic()
        await asyncio.gather(*tasks)
        return range(first, first + total), start, ended

    def _next_customer(self) -> tuple[str, bool]:
        now = time.monotonic()
        while self._pending_free and self._pending_free[0][0] <= now:
            self.free.append(heapq.heappop(self._pending_free)[1])
        if self.free:
            return self.free.popleft(), False
        # Everyone is waiting: the one who sent longest ago goes again.
        return next(iter(self._by_last_send)), True

    async def _post(self, chosen: tuple[str, bool]) -> None:
        wa_id, overlapped = chosen
        customer = self.customers[wa_id]
        index = len(self.messages)
        body, signature = self.webhooks.body(wa_id, f"wamid.load.{self.prefix}.{index}", self.lines[index % len(self.lines)])
        message = Message(wa_id, time.monotonic(), overlapped)
        self.messages.append(message)
        customer.sent.append((message.posted, index))
        self._by_last_send.pop(wa_id, None)
        self._by_last_send[wa_id] = None
        try:
            async with self.http.post(self.url, data=body, headers={
                    "Content-Type": "application/json", "X-Hub-Signature-256": signature}) as r:
                await r.read()
                message.status = r.status
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            message.status = type(e).__name__
        message.acked = time.monotonic()

    async def _poll_replies(self) -> None:
        async with aiohttp.ClientSession() as http:
            while True:
                try:
                    async with http.get(f"{self.graph_url}/_replies", params={"since": self.replies_seen}) as r:
                        batch = await r.json()
                except aiohttp.ClientError:
                    batch = []
                self.replies_seen += len(batch)
                for arrived, to, crc in batch:
                    self._match(arrived, to, crc)
                await asyncio.sleep(POLL)

    def _match(self, arrived: float, to: str, crc: int) -> None:
        """A reply answers the customer's oldest unanswered message sent before it (replies keep their
        order); when every such message has one, it is one more reply to the latest of them."""
        customer = self.customers.get(to)
        latest = bisect.bisect_right(customer.sent, (arrived, float("inf"))) - 1 if customer else -1
        if latest < 0:
            self.unmatched += 1
            return
        at = customer.unanswered if customer.unanswered <= latest else latest
        message = self.messages[customer.sent[at][1]]
        message.replies += 1
        # The same body twice in one turn: sent more than once. (A reply equal to the last turn's may
        # be a fair answer; a late re-send shows in the run's "resent" count from the outbox.)
        if crc in message.bodies:
            message.duplicates += 1
        message.bodies.add(crc)
        if message.first_reply is None:
            message.first_reply = arrived
            customer.unanswered = at + 1
            if at == len(customer.sent) - 1:
                heapq.heappush(self._pending_free, (arrived + QUIET, to))

    async def wait_answered(self, indexes: range, window: float) -> bool:
        """Wait until every message in `indexes` had a first reply (True), or the window ran out (False)."""
        deadline = time.monotonic() + window
        while time.monotonic() < deadline:
            if all(self.messages[i].first_reply is not None for i in indexes):
                return True
            await asyncio.sleep(POLL)
        return False

    async def settle(self, seconds: float) -> None:
        """Let late replies (duplicates) arrive and be counted."""
        await asyncio.sleep(seconds + POLL * 2)
