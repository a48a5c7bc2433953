"""What can go wrong when taking money online: domain errors with a stable code and the provider's data.

The bot turns `code` (and `retryable`) into a sentence in the customer's language; never show
`description` to a customer, it is Razorpay's English text for logs.
"""
from __future__ import annotations


class PaymentError(Exception):
    """Base of every payments error; `code` is stable and safe to switch on."""

    code = "payment_error"


class PaymentProviderError(PaymentError):
    """Razorpay refused, failed or did not answer in time.

    `retryable` is True for timeouts, connection failures, 429 and 5xx: the same call may succeed
    later (and is safe to repeat: link creation is idempotent by reference_id). A 4xx is final.
    """

    code = "payment_provider_error"

    def __init__(self, *, status: int | None, error_code: str, description: str, retryable: bool):
        self.status = status
        self.error_code = error_code
        self.description = description
        self.retryable = retryable
        super().__init__(f"razorpay {status or 'no answer'}: {error_code}: {description}")


class PaymentLinkClosed(PaymentError):
    """The order's link has expired or was cancelled; an order never gets a second link."""

    code = "payment_link_closed"

    def __init__(self, order_number: int, status: str):
        self.order_number = order_number
        self.status = status
        super().__init__(f"the payment link of order {order_number} is {status}")


class OnlinePaymentsNotConfigured(PaymentError):
    code = "online_payments_not_configured"

    def __init__(self) -> None:
        super().__init__("RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET are not set")
