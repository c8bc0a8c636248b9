"""Signed webhook delivery: routed complaints, status changes and SLA events pushed to units over HTTP.

A consumer group (``aduan-webhooks``) reads ``complaints.routed``, ``complaints.status`` and
``complaints.sla``; each record goes to the matching subscriptions (per unit, or ``"*"`` for
operators), one signed POST each. The format, the privacy rule and the verification recipe are in
WEBHOOKS.md next to this package:

    subscriptions  who receives what, and their secrets
    signing        X-Aduan-Signature and X-Aduan-Delivery
    events         a record placed (which unit, which privacy) and redacted for one subscriber
    delivery       one POST with retries, backoff and jitter
    dispatcher     the sink on the kernel's consumer runtime
"""
