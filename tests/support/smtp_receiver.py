#!/usr/bin/env python3
"""SMTP receiver for notification tests (aiosmtpd). Listens on 127.0.0.1 on a free port, prints
the port on the first line of stdout and appends one JSON line per received message to OUTPUT:
{"mail_from", "rcpt_tos", "tls" (whether STARTTLS was used), "from", "to", "subject",
"message_id", "text", "html"} with the parts decoded, "headers" (every header by its name as
sent, unfolded, decoded and stripped of the whitespace around it) and "raw" (the message as
received).
With --starttls CERT KEY it offers STARTTLS with that certificate.
"""
import argparse
import asyncio
import email
import email.policy
import json
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, output):
        self.output = output

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "message_id": str(message["Message-ID"]),
            "text": text.get_content() if text is not None else "",
            "html": html.get_content() if html is not None else "",
            "headers": {name: str(value).strip() for name, value in message.items()},
            "raw": raw.decode("utf-8", "replace"),
        }
        with open(self.output, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()
    kwargs = {}
    if args.starttls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.starttls[0], args.starttls[1])
        kwargs["tls_context"] = context
    port = free_port()
    controller = Controller(Recorder(args.output), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
