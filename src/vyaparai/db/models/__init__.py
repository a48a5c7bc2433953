"""The tables. Money is integer paise; quantities are integer thousandths of a pack (`*_milli`).

A "pack" is one sellable unit of a product: a 70 g Maggi, a 1 kg Madhur sugar bag, or for loose
goods one `unit` of weight/volume (1 kg of loose sugar). Loose goods sell in fractions of a pack
(250 g of sugar = 250 milli-packs); packaged goods only in whole packs (multiples of 1000).
"""
from vyaparai.db.models.base import NAMING, Base
from vyaparai.db.models.shop import Store, StoreChannel, Product, StoreEvent
from vyaparai.db.models.people import Customer, CustomerIdentity, CustomerAddress, Conversation, Cart, CartItem
from vyaparai.db.models.sales import Order, OrderItem, OrderStatusEvent, Payment, PaymentEvent
from vyaparai.db.models.messages import InboundLog, OutboxMessage
from vyaparai.db.models.access import PanelLoginCode, OwnerSession, TelegramBot, TelegramOwnerChat, Operator

__all__ = [
    "NAMING",
    "Base",
    "Store",
    "StoreChannel",
    "Product",
    "StoreEvent",
    "Customer",
    "CustomerIdentity",
    "CustomerAddress",
    "Conversation",
    "Cart",
    "CartItem",
    "Order",
    "OrderItem",
    "OrderStatusEvent",
    "Payment",
    "PaymentEvent",
    "InboundLog",
    "OutboxMessage",
    "PanelLoginCode",
    "OwnerSession",
    "TelegramBot",
    "TelegramOwnerChat",
    "Operator",
]
