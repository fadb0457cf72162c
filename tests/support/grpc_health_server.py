#!/usr/bin/env python3
"""gRPC health server for probe tests: grpc.health.v1.Health/Check on 127.0.0.1, port 0, printing
the port on the first line of stdout. Messages are protobuf bytes written by hand, so no generated
code or grpcio-health-checking package is needed.

Usage: grpc_health_server.py [--tls CERT KEY] [SERVICE=ANSWER ...]
  SERVICE is the requested service name ("" for the whole server: write "=SERVING").
  ANSWER is a serving status (SERVING, NOT_SERVING, UNKNOWN, SERVICE_UNKNOWN), a gRPC status code
  name the call fails with (e.g. UNAVAILABLE), or RAW:<hex>, raw HealthCheckResponse bytes.
  A service not listed fails with NOT_FOUND, as the standard health service does.
"""
import argparse
import os
import sys
import threading
from concurrent import futures

os.environ.setdefault("GRPC_VERBOSITY", "NONE")  # failed handshakes are expected in the tests
import grpc  # noqa: E402

SERVING_STATUS = {"UNKNOWN": 0, "SERVING": 1, "NOT_SERVING": 2, "SERVICE_UNKNOWN": 3}


def read_varint(data, pos):
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def requested_service(data):
    """HealthCheckRequest {string service = 1;}; other fields are skipped."""
    pos, service = 0, b""
    while pos < len(data):
        tag, pos = read_varint(data, pos)
        wire = tag & 7
        if wire == 0:
            _, pos = read_varint(data, pos)
            continue
        if wire != 2:
            raise ValueError("unexpected wire type %d" % wire)
        length, pos = read_varint(data, pos)
        if tag >> 3 == 1:
            service = data[pos:pos + length]
        pos += length
    return service.decode()


def response(status):
    """HealthCheckResponse {ServingStatus status = 1;}; proto3 leaves 0 out."""
    return b"" if status == 0 else bytes([0x08, status])


def make_check(answers):
    def check(request, context):
        service = requested_service(request)
        answer = answers.get(service)
        if answer is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service %s" % service)
        if answer in SERVING_STATUS:
            return response(SERVING_STATUS[answer])
        if answer.startswith("RAW:"):
            return bytes.fromhex(answer[4:])
        context.abort(getattr(grpc.StatusCode, answer), "%s as configured" % answer)
    return check


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("answers", nargs="*", metavar="SERVICE=ANSWER")
    args = parser.parse_args()
    answers = dict(item.split("=", 1) for item in args.answers)
    handler = grpc.method_handlers_generic_handler(
        "grpc.health.v1.Health", {"Check": grpc.unary_unary_rpc_method_handler(make_check(answers))})
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), handlers=[handler])
    if args.tls:
        with open(args.tls[0], "rb") as cert, open(args.tls[1], "rb") as key:
            credentials = grpc.ssl_server_credentials([(key.read(), cert.read())])
        port = server.add_secure_port("127.0.0.1:0", credentials)
    else:
        port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    sys.exit(main())
