"""A stand-in for the Jorge HTTP surface that health-check.sh and nginx.conf touch, for
testing them without the real App: python3 fake_jorge.py HOST PORT INSTANCE_ID.
FAKE_API_KEY / FAKE_WEBHOOK_SECRET make it require the Bearer key / a valid X-Jorge-Signature;
FAKE_NOT_READY=1 makes /health/ready answer 503; FAKE_SEEN is the message-id file shared
by all instances (dedupe across the cluster, as the real database does)."""
import base64, hashlib, hmac, json, os, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST, PORT, INSTANCE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
SEEN = os.environ.get("FAKE_SEEN", "/tmp/fake-jorge-seen")
API_KEY = os.environ.get("FAKE_API_KEY")
SECRET = os.environ.get("FAKE_WEBHOOK_SECRET")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write(f"{INSTANCE} {self.command} {self.path} xff={self.headers.get('X-Forwarded-For')}\n")

    def send(self, code, body, ctype="application/json"):
        data = (json.dumps(body) if ctype == "application/json" else body).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health/live":
            return self.send(200, {"status": "UP"})
        if self.path == "/health/ready":
            down = os.environ.get("FAKE_NOT_READY") == "1"
            return self.send(503 if down else 200, {"status": "DOWN" if down else "UP"})
        if self.path == "/health":
            return self.send(200, {"status": "UP", "instance": INSTANCE})
        if self.path == "/metrics":
            return self.send(200, "# TYPE jorge_outbox_pending gauge\njorge_outbox_pending 0.0\njorge_ready 1.0\n", "text/plain")
        if self.path in ("/api/v1/ws", "/api/v1/ml/ws/metrics"):
            if self.headers.get("Upgrade", "").lower() != "websocket" or "upgrade" not in self.headers.get("Connection", "").lower():
                return self.send(426, {"error": {"code": "upgrade_required", "message": "WebSocket upgrade required"}})
            key = self.headers["Sec-WebSocket-Key"]
            accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
            self.send_response(101, "Switching Protocols")
            self.send_header("Upgrade", "websocket")
            self.send_header("Connection", "Upgrade")
            self.send_header("Sec-WebSocket-Accept", accept)
            self.end_headers()
            self.wfile.flush()
            time.sleep(5)  # the real server waits 5 s for the auth message, then closes
            self.close_connection = True
            return
        self.send(404, {"error": {"code": "not_found", "message": self.path}})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path != "/api/v1/webhooks/ghl":
            return self.send(404, {"error": {"code": "not_found", "message": self.path}})
        if API_KEY and self.headers.get("Authorization") != f"Bearer {API_KEY}":
            return self.send(401, {"error": {"code": "unauthorized", "message": "bad key"}})
        if SECRET:
            parts = dict(p.split("=", 1) for p in self.headers.get("X-Jorge-Signature", "").split(",") if "=" in p)
            want = hmac.new(SECRET.encode(), parts.get("t", "").encode() + b"." + body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(want, parts.get("v1", "")) or abs(time.time() - int(parts.get("t", 0))) > 300:
                return self.send(401, {"error": {"code": "bad_signature", "message": "signature"}})
        mid = json.loads(body)["messageId"]
        seen = open(SEEN).read().split() if os.path.exists(SEEN) else []
        if mid in seen:
            return self.send(200, {"status": "duplicate", "message_id": mid})
        with open(SEEN, "a") as f:
            f.write(mid + "\n")
        self.send(200, {"status": "accepted", "message_id": mid})


ThreadingHTTPServer((HOST, PORT), Handler).serve_forever()
