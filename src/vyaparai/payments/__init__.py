"""Getting paid: the PaymentGateway interface, cash on delivery, (later) Razorpay payment links."""
