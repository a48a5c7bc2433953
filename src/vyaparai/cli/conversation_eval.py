"""`vyaparai eval --conversations`: run whole chats through the real web chat against a fresh store.

A temporary SQLite database gets one store made from the catalog (500 of everything in stock unless
the catalog says), the web app serves it on a local port with in-process jobs, and a local payment-link
sandbox stands in for Razorpay so "pay online" is a real path. Each chat has its own web-chat session;
after its last turn the store's new orders are read and judged (cli/conversation_scoring.py).
"""
from __future__ import annotations

import asyncio
import csv
import json
import re
import sys
import tempfile
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store, get_store_by_code
from vyaparai.cli.context import CommandError
from vyaparai.cli.conversation_scoring import ChatResult, Exchange, judge, render, summary
from vyaparai.config import Settings
from vyaparai.db.migrate import upgrade
from vyaparai.orders.listing import orders_as_dicts
from vyaparai.payments import sandbox
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

STORE = "EVALSHOP"
DEFAULT_STOCK = "500"


def run_conversations(args) -> int:
    chats = _read_chats(args.conversations, getattr(args, "only", None))
    if not chats:
        raise CommandError(f"no chats to run in {args.conversations}")
    results, catalog = asyncio.run(_run_all(args.catalog, chats, no_aliases=args.no_aliases))
    if args.json:
        out = summary(results)
        out["failed"] = [{"id": r.id, "problems": r.problems} for r in results if not r.passed]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(render(results))
    return 0


def _read_chats(path: Path, only: str | None) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise CommandError(f"cannot read {path}: {e.strerror}") from None
    chats = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            chat = json.loads(line)
        except json.JSONDecodeError as e:
            raise CommandError(f"{path}, line {n}: not JSON ({e.msg})") from None
        if only and not (chat.get("id", "") == only or chat.get("lang") == only or chat.get("id", "").startswith(only)):
            continue
        chats.append(chat)
    return chats


async def _run_all(catalog_path: Path, chats: list[dict], *, no_aliases: bool) -> tuple[list[ChatResult], dict]:
    payments = await sandbox.PaymentLinkSandbox().start()
    try:
        with tempfile.TemporaryDirectory(prefix="vyaparai-eval-") as tmp:
            url = f"sqlite+aiosqlite:///{Path(tmp) / 'eval.db'}"
            await asyncio.to_thread(upgrade, url)
            settings = Settings(database_url=url, razorpay_key_id=sandbox.KEY_ID,
                                razorpay_key_secret=sandbox.KEY_SECRET, razorpay_api_base_url=payments.url)
            catalog = _prepared_catalog(catalog_path, Path(tmp) / "catalog.csv", no_aliases=no_aliases)
            services = Services.create(settings)
            try:
                await _make_store(services, Path(tmp) / "catalog.csv")
                app = create_app(settings, services=services, sweep_every=3600)
                async with TestClient(TestServer(app)) as client:
                    results = [await _run_chat(client, services, chat) for chat in chats]
            finally:
                await services.close()
    finally:
        await payments.stop()
    for chat, result in zip(chats, results):
        judge(chat, result, catalog)
    return results, catalog


def _prepared_catalog(source: Path, target: Path, *, no_aliases: bool) -> dict[str, dict]:
    """Copy the catalog with a stock for every line (and no aliases if asked); sku -> row."""
    try:
        with open(source, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            fields = list(reader.fieldnames or [])
            rows = list(reader)
    except OSError as e:
        raise CommandError(f"cannot read {source}: {e.strerror}") from None
    for extra in ("stock",):
        if extra not in fields:
            fields.append(extra)
    for row in rows:
        row["stock"] = (row.get("stock") or "").strip() or DEFAULT_STOCK
        if no_aliases and "aliases" in fields:  # a shop's own price list seldom has the column at all
            row["aliases"] = ""
    with open(target, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return {row["sku"]: row for row in rows}


async def _make_store(services: Services, catalog: Path) -> None:
    async with services.sessions() as session, session.begin():
        store = await create_store(session, code=STORE, name="Eval Kirana", owner_phones=["910000000001"])
        report = await import_catalog(session, store.id, catalog)
    for line, problem in report.errors:  # the good lines are in; chats that need a bad one will fail
        print(f"vyaparai: catalog line {line} left out: {problem}", file=sys.stderr)


async def _run_chat(client: TestClient, services: Services, chat: dict) -> ChatResult:
    result = ChatResult(id=chat.get("id", "?"), lang=chat.get("lang", "?"))
    session = _session_id(result.id)
    before = await _order_numbers(services)
    buttons: list[dict] = []
    for turn in chat.get("turns", []):
        if "tap" in turn:
            n = int(turn["tap"])
            if not 1 <= n <= len(buttons):
                result.exchanges.append(Exchange(f"[tap {n}: no such button]", []))
                result.problems.append(f"turn {len(result.exchanges)}: no button {n} to tap")
                continue
            button = buttons[n - 1]
            body = {"session": session, "text": button["title"], "button": button["id"]}
            sent = f"[tap {n}: {button['title']}]"
        else:
            body, sent = {"session": session, "text": turn.get("text", "")}, turn.get("text", "")
        replies = await _post(client, body)
        result.exchanges.append(Exchange(sent, [r["text"] for r in replies]))
        with_buttons = [r for r in replies if r.get("buttons")]
        buttons = with_buttons[-1]["buttons"] if with_buttons else []
    result.orders = [o for o in await _orders(services) if o["number"] not in before]
    return result


async def _post(client: TestClient, body: dict) -> list[dict]:
    resp = await client.post(f"/api/chat/{STORE}", json=body)
    if resp.status != 200:
        return [{"text": f"[HTTP {resp.status}] {(await resp.text())[:200]}"}]
    return (await resp.json())["replies"]


def _session_id(chat_id: str) -> str:
    return ("eval-" + re.sub(r"[^A-Za-z0-9_-]", "-", chat_id))[:64].ljust(8, "-")


async def _orders(services: Services) -> list[dict]:
    async with services.sessions() as session:
        store = await get_store_by_code(session, STORE)
        return await orders_as_dicts(session, store.id, limit=10_000)


async def _order_numbers(services: Services) -> set[int]:
    return {o["number"] for o in await _orders(services)}

