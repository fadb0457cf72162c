#!/usr/bin/env python3
"""HTTP(S) fixture server for probe tests. Listens on 127.0.0.1, port 0, and prints the port on
the first line of stdout. Endpoints (any method):
  /status/<code>              answers <code>
  /slow/<ms>                  waits <ms> milliseconds, then answers 200
  /redirect/<n>               302 to /redirect/<n-1>; /redirect/0 answers 200
  /bytes/<n>                  answers 200 with an <n>-byte body
  /match-header/<name>/<value> 200 when the request has that header value, else 400
  /match-body/<value>         200 when the request body is <value>, else 400
  /method/<METHOD>            200 when the request used <METHOD>, else 405
  /json/<code>                answers <code> with JSON_BODY (application/json)
  /info.json, /players.json   a FiveM (Cfx.re) server's info and player list (FIVEM_* below)
With --tls CERT KEY it speaks HTTPS with that certificate.
"""
import argparse
import ssl
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


FIVEM_INFO = (b'{"enhancedHostSupport":true,"icon":"","resources":["mapmanager","chat",'
              b'"spawnmanager","sessionmanager"],"server":"FXServer-master SERVER v1.0.0.7290 linux",'
              b'"vars":{"sv_enforceGameBuild":"2802","sv_maxClients":"48",'
              b'"sv_projectName":"Vigil Roleplay","sv_projectDesc":"fixture","tags":"default"},'
              b'"version":1250431357}')
FIVEM_PLAYERS = (b'[{"endpoint":"127.0.0.1","id":1,"identifiers":["license:1"],"name":"alice","ping":21},'
                 b'{"endpoint":"127.0.0.1","id":2,"identifiers":["license:2"],"name":"bob","ping":35},'
                 b'{"endpoint":"127.0.0.1","id":3,"identifiers":["license:3"],"name":"carol","ping":12}]')


JSON_BODY = (b'{"status": "UP", "version": "1.2.3", '
             b'"checks": [{"name": "db", "ok": true}, {"name": "cache", "ok": false}]}')


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, code, body=b"ok\n", headers=None):
        self.send_response(code)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = [urllib.parse.unquote(p) for p in self.path.split("?")[0].split("/")[1:]]
        try:
            self.route(parts, body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route(self, parts, body):
        head = parts[0] if parts else ""
        if head == "status":
            self.answer(int(parts[1]))
        elif head == "slow":
            time.sleep(int(parts[1]) / 1000.0)
            self.answer(200)
        elif head == "redirect":
            hops = int(parts[1])
            if hops > 0:
                self.answer(302, headers={"Location": "/redirect/%d" % (hops - 1)})
            else:
                self.answer(200)
        elif head == "bytes":
            self.answer(200, b"x" * int(parts[1]))
        elif head == "match-header":
            self.answer(200 if self.headers.get(parts[1]) == parts[2] else 400)
        elif head == "match-body":
            self.answer(200 if body.decode() == parts[1] else 400)
        elif head == "info.json":
            self.answer(200, FIVEM_INFO, {"Content-Type": "application/json"})
        elif head == "players.json":
            self.answer(200, FIVEM_PLAYERS, {"Content-Type": "application/json"})
        elif head == "json":
            self.answer(int(parts[1]), JSON_BODY, {"Content-Type": "application/json"})
        elif head == "method":
            self.answer(200 if self.command == parts[1] else 405)
        else:
            self.answer(404)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = handle_any


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
