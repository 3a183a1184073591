#!/usr/bin/env python3
"""Contract test: FaultShare's demo API against Altostrat's published reference.

Usage: check_demo_api.py DEMO_API_BINARY OPENAPI_JSON

Starts the demo API on a loopback port (the key in FAULTSHARE_DEMO_API_KEY, never on the
command line), sends it the requests FaultShare sends, and validates every answer against
the schemas of the OpenAPI document (written from the reference, see its info.description).
It runs twice: with an API key of the form tokenId:teamId:secret and with a JWT-shaped
credential, as the reference allows both. A third, rate-limited instance checks 429.

Needs only Debian's python3 and python3-jsonschema (4.10 or later). One line per check,
then "N passed, M failed"; the exit status is non-zero when anything failed.
"""

import base64
import copy
import datetime
import ipaddress
import json
import os
import queue
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    import jsonschema
except ImportError:  # pragma: no cover - a setup problem, said plainly
    print("python3-jsonschema is missing: install it (TEST_PACKAGES in scripts/common.sh)", file=sys.stderr)
    sys.exit(2)

START_DEADLINE_S = 10.0
HTTP_TIMEOUT_S = 10.0
STOP_DEADLINE_S = 5.0
MAX_BODY_BYTES = 4 * 1024 * 1024

# Every field the reference documents for a Fault: the demo is expected to send them all.
FAULT_FIELDS = (
    "id", "resource_id", "customer_id", "microservice_id", "type", "status", "severity",
    "message", "cause", "created_at", "resolved_at", "resource_ancestry_path", "ttl", "comments",
)
COMMENT_FIELDS = ("user_id", "comment", "created_at")
TOKEN_FIELDS = ("token", "type", "expires_in_minutes", "expires_at", "short_link")

BASE64URL_PART = r"[A-Za-z0-9_-]+"
JWT_RE = re.compile(r"^%s\.%s\.%s$" % (BASE64URL_PART, BASE64URL_PART, BASE64URL_PART))
# RFC 3339 date-time (what OpenAPI's format: date-time means), fraction of any length.
DATE_TIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


# ----------------------------------------------------------------------------- reporting

class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("PASS %s" % name, flush=True)
        else:
            self.failed += 1
            print("FAIL %s%s" % (name, (": " + detail) if detail else ""), flush=True)
        return ok


# ----------------------------------------------------------------------------- schemas

def parse_date_time(text):
    """A datetime for an RFC 3339 date-time string, or None."""
    if not isinstance(text, str):
        return None
    match = DATE_TIME_RE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction = match.group(7) or ""
    zone = match.group(8)
    try:
        if zone in ("Z", "z"):
            tz = datetime.timezone.utc
        else:
            sign = 1 if zone[0] == "+" else -1
            tz = datetime.timezone(sign * datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
        micro = int((fraction[1:] + "000000")[:6]) if fraction else 0
        # A leap second (60) is valid RFC 3339; datetime cannot hold it.
        return datetime.datetime(year, month, day, hour, minute, min(second, 59), micro, tz)
    except ValueError:
        return None


def make_format_checker():
    """Checks for the formats the document uses, independent of optional jsonschema extras."""
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("date-time")
    def is_date_time(value):  # noqa: F811 - registered by the decorator
        if not isinstance(value, str):
            return True  # formats constrain strings only; the type keyword does the rest
        return parse_date_time(value) is not None

    @checker.checks("uri")
    def is_uri(value):
        if not isinstance(value, str):
            return True
        if any(ch.isspace() or ord(ch) < 0x20 for ch in value):
            return False
        parts = urllib.parse.urlsplit(value)
        return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", parts.scheme)) and bool(parts.netloc or parts.path)

    return checker


def to_json_schema(node, components, stack=()):
    """An OpenAPI 3.0 schema object as plain JSON Schema (draft 4 semantics).

    $refs into #/components/schemas are inlined (a cycle is an error), nullable: true
    becomes a type list with "null" (and null joins an enum), and the keywords that are
    OpenAPI-only annotations are dropped.
    """
    if isinstance(node, list):
        return [to_json_schema(item, components, stack) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        prefix = "#/components/schemas/"
        if not isinstance(ref, str) or not ref.startswith(prefix):
            raise ValueError("unsupported $ref %r" % (ref,))
        name = ref[len(prefix):]
        if name in stack:
            raise ValueError("cyclic $ref: %s" % " -> ".join(stack + (name,)))
        if name not in components:
            raise ValueError("dangling $ref %r" % ref)
        return to_json_schema(components[name], components, stack + (name,))

    out = {}
    for key, value in node.items():
        if key in ("example", "examples", "nullable", "discriminator", "xml", "externalDocs",
                   "deprecated", "readOnly", "writeOnly") or key.startswith("x-"):
            continue
        if key in ("properties", "patternProperties", "definitions"):
            out[key] = {name: to_json_schema(sub, components, stack) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"):
            out[key] = to_json_schema(value, components, stack)
        else:
            out[key] = copy.deepcopy(value)
    if node.get("nullable") is True:
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            if "null" not in types:
                out["type"] = types + ["null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = list(out["enum"]) + [None]
        for combiner in ("allOf", "anyOf", "oneOf"):
            if combiner in out:
                # nullable next to a combiner: null is allowed besides what it allows
                out = {"anyOf": [{"type": "null"}, out]}
                break
    return out


class Contract:
    """The OpenAPI document and validators for the schemas FaultShare relies on."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as handle:
            self.doc = json.load(handle)
        self.components = self.doc.get("components", {}).get("schemas", {})
        self.format_checker = make_format_checker()

    def operation(self, path, method):
        return self.doc["paths"][path][method]

    def response(self, path, method, status):
        response = self.operation(path, method)["responses"][str(status)]
        if "$ref" in response:
            prefix = "#/components/responses/"
            if not response["$ref"].startswith(prefix):
                raise ValueError("unsupported response $ref %r" % response["$ref"])
            response = self.doc["components"]["responses"][response["$ref"][len(prefix):]]
        return response

    def response_schema(self, path, method, status):
        """The JSON Schema of a documented response's application/json body, or None."""
        content = self.response(path, method, status).get("content", {})
        media = content.get("application/json")
        if media is None or "schema" not in media:
            return None
        return to_json_schema(media["schema"], self.components)

    def schema(self, name):
        return to_json_schema({"$ref": "#/components/schemas/" + name}, self.components)

    def errors(self, schema, instance):
        """Readable validation errors of instance against a (converted) schema; [] when valid."""
        validator_class = jsonschema.Draft4Validator
        validator_class.check_schema(schema)
        validator = validator_class(schema, format_checker=self.format_checker)
        found = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            found.append("%s: %s" % (where, error.message))
        return found


def summarize(errors, limit=4):
    if len(errors) <= limit:
        return "; ".join(errors)
    return "; ".join(errors[:limit]) + "; and %d more" % (len(errors) - limit)


# ----------------------------------------------------------------------------- HTTP

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


# Loopback only: no proxy from the environment, no redirect followed anywhere else.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect())


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        self.json = None
        self.json_error = None
        try:
            self.json = json.loads(body.decode("utf-8")) if body else None
            if not body:
                self.json_error = "empty body"
        except (UnicodeDecodeError, ValueError) as exc:
            self.json_error = "not JSON: %s" % exc

    @property
    def content_type(self):
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def is_json(self):
        return self.json_error is None and (self.content_type == "application/json"
                                            or self.content_type.endswith("+json"))

    def describe(self):
        text = self.body[:200].decode("utf-8", "replace")
        return "HTTP %s %s %r" % (self.status, self.content_type or "(no content type)", text)


def request(base_url, method, path, headers=None, body=None):
    url = base_url + path
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with OPENER.open(req, timeout=HTTP_TIMEOUT_S) as resp:
            return Answer(resp.status, resp.headers, resp.read(MAX_BODY_BYTES + 1))
    except urllib.error.HTTPError as err:
        try:
            data = err.read(MAX_BODY_BYTES + 1)
        finally:
            err.close()
        return Answer(err.code, err.headers, data)


def post_token(base_url, authorization, payload, raw=None, content_type="application/json"):
    headers = {"Accept": "application/json"}
    if content_type:
        headers["Content-Type"] = content_type
    if authorization is not None:
        headers["Authorization"] = authorization
    body = raw if raw is not None else json.dumps(payload).encode("utf-8")
    return request(base_url, "POST", "/fault/token", headers, body)


def get_faults(base_url, authorization, token):
    headers = {"Accept": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    return request(base_url, "GET", "/fault/token/" + urllib.parse.quote(token, safe=""), headers)


# ----------------------------------------------------------------------------- the server

def _die_with_parent():
    """Linux: the demo API gets SIGTERM if this script dies without cleaning up."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except Exception:  # noqa: BLE001 - best effort on other systems
        pass


class DemoApi:
    """The demo API binary on a free loopback port, stopped by stop() or the with block."""

    def __init__(self, binary, api_key, extra_args=()):
        self.binary = binary
        self.api_key = api_key
        self.extra_args = list(extra_args)
        self.proc = None
        self.url = None
        self.lines = queue.Queue()
        self.stderr_file = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        env = dict(os.environ)
        env["FAULTSHARE_DEMO_API_KEY"] = self.api_key
        self.stderr_file = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [self.binary, "--address", "127.0.0.1", "--port", "0"] + self.extra_args,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.stderr_file, env=env,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        reader = threading.Thread(target=self._read_stdout, daemon=True)
        reader.start()
        try:
            self._wait_for_url()
        except BaseException:
            self.stop()
            raise

    def _wait_for_url(self):
        deadline = time.monotonic() + START_DEADLINE_S
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RuntimeError("the demo API did not say where it listens within %.0f s%s"
                                   % (START_DEADLINE_S, self._stderr_tail()))
            try:
                line = self.lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise RuntimeError("the demo API exited with status %s before listening%s"
                                       % (self.proc.returncode, self._stderr_tail()))
                continue
            if line is None:
                raise RuntimeError("the demo API closed stdout before listening%s" % self._stderr_tail())
            match = re.match(r"^listening on (http://\S+?)/?$", line.strip())
            if not match:
                raise RuntimeError("unexpected first line from the demo API: %r" % line)
            self.url = match.group(1)
            host = urllib.parse.urlsplit(self.url).hostname or ""
            try:
                loopback = ipaddress.ip_address(host).is_loopback
            except ValueError:
                loopback = host == "localhost"
            if not loopback:
                raise RuntimeError("the demo API listens on %s, not a loopback address" % self.url)
            return

    def _read_stdout(self):
        try:
            for raw in iter(self.proc.stdout.readline, b""):
                self.lines.put(raw.decode("utf-8", "replace"))
        finally:
            self.lines.put(None)

    def _stderr_tail(self):
        if self.stderr_file is None:
            return ""
        try:
            self.stderr_file.seek(0)
            text = self.stderr_file.read()[-2000:].decode("utf-8", "replace").strip()
        except OSError:
            return ""
        return ("\n--- demo API stderr ---\n" + text) if text else ""

    def stop(self):
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=STOP_DEADLINE_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=STOP_DEADLINE_S)
        if proc.stdout:
            proc.stdout.close()
        if self.stderr_file:
            self.stderr_file.close()
            self.stderr_file = None


# ----------------------------------------------------------------------------- checks

def random_jwt_shaped():
    """Three base64url parts, like a JWT: header, claims and a random signature."""
    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    claims = b64(json.dumps({"sub": "contract-test", "iat": int(time.time()),
                             "jti": secrets.token_hex(16)}, separators=(",", ":")).encode())
    return "%s.%s.%s" % (header, claims, b64(secrets.token_bytes(32)))


def random_api_key():
    return "%s:%s:%s" % (secrets.token_hex(4), secrets.token_hex(4), secrets.token_urlsafe(30))


def check_schema(report, contract, name, answer, path, method, status):
    """The status, a JSON body and that body valid against the documented schema."""
    if not report.check("%s: HTTP %d" % (name, status), answer.status == status,
                        "got " + answer.describe()):
        return False
    schema = contract.response_schema(path, method, status)
    if schema is None:
        return True
    if not report.check("%s: JSON body" % name, answer.is_json(),
                        answer.json_error or ("Content-Type " + answer.content_type)):
        return False
    errors = contract.errors(schema, answer.json)
    return report.check("%s: body valid against the %s %s %d schema" % (name, method.upper(), path, status),
                        not errors, summarize(errors))


def check_fault_details(report, label, faults):
    """What the demo must send beyond the schema: every documented field, in reference form."""
    missing = []
    comment_problems = []
    for index, fault in enumerate(faults):
        if not isinstance(fault, dict):
            missing.append("[%d] is not an object" % index)
            continue
        absent = [f for f in FAULT_FIELDS if f not in fault]
        if absent:
            missing.append("[%d] %s lacks %s" % (index, fault.get("id", "?"), ", ".join(absent)))
        comments = fault.get("comments")
        if isinstance(comments, list):
            times = []
            for c_index, comment in enumerate(comments):
                if isinstance(comment, dict):
                    absent = [f for f in COMMENT_FIELDS if f not in comment]
                    if absent:
                        comment_problems.append("[%d].comments[%d] lacks %s" % (index, c_index, ", ".join(absent)))
                    times.append(parse_date_time(comment.get("created_at")))
            known = [t for t in times if t is not None]
            if known != sorted(known):
                comment_problems.append("[%d] comments are not oldest first" % index)
    report.check("%s: every fault has every documented field" % label, not missing, summarize(missing))
    report.check("%s: comments have user_id, comment, created_at, oldest first" % label,
                 not comment_problems, summarize(comment_problems))

    severities = {f.get("severity") for f in faults if isinstance(f, dict)}
    report.check("%s: at least one WARNING fault" % label, "WARNING" in severities,
                 "severities sent: %s" % ", ".join(sorted(str(s) for s in severities)))
    bad_ids = [str(f.get("id")) for f in faults if isinstance(f, dict) and not str(f.get("id", "")).startswith("flt_")]
    report.check("%s: fault ids are prefixed flt_" % label, not bad_ids, "ids: " + summarize(bad_ids, 3))
    inconsistent = []
    for f in faults:
        if isinstance(f, dict) and f.get("status") in ("resolved", "unresolved") and "resolved_at" in f:
            if (f["status"] == "resolved") != (f["resolved_at"] is not None):
                inconsistent.append("%s: status %s, resolved_at %r" % (f.get("id"), f["status"], f["resolved_at"]))
    report.check("%s: resolved_at is null exactly while unresolved" % label, not inconsistent,
                 summarize(inconsistent))


def run_suite(report, contract, binary, label, api_key):
    token_path = "/fault/token"
    faults_path = "/fault/token/{id}"
    bearer = "Bearer " + api_key
    with DemoApi(binary, api_key) as api:
        base = api.url
        print("# %s: demo API on %s" % (label, base), flush=True)

        # POST /fault/token with the right key
        answer = post_token(base, bearer, {"expire_after_minutes": 60})
        minted = None
        if check_schema(report, contract, "%s POST valid key" % label, answer, token_path, "post", 200):
            body = answer.json if isinstance(answer.json, dict) else {}
            absent = [f for f in TOKEN_FIELDS if f not in body]
            report.check("%s POST valid key: all five fields present" % label, not absent,
                         "missing " + ", ".join(absent))
            report.check("%s POST valid key: expires_in_minutes is the requested 60" % label,
                         body.get("expires_in_minutes") == 60, "got %r" % body.get("expires_in_minutes"))
            token = body.get("token")
            report.check("%s POST valid key: token is a JWT (three base64url parts)" % label,
                         isinstance(token, str) and bool(JWT_RE.match(token)), "got %r" % (token,))
            if isinstance(token, str) and token:
                minted = token

        for minutes in (1, 43200):
            answer = post_token(base, bearer, {"expire_after_minutes": minutes})
            check_schema(report, contract, "%s POST minutes=%d (bound)" % (label, minutes), answer,
                         token_path, "post", 200)

        # POST without or with a wrong key
        answer = post_token(base, None, {"expire_after_minutes": 60})
        check_schema(report, contract, "%s POST without Authorization" % label, answer, token_path, "post", 401)
        wrong = "Bearer " + (random_jwt_shaped() if "." in api_key else random_api_key())
        answer = post_token(base, wrong, {"expire_after_minutes": 60})
        check_schema(report, contract, "%s POST wrong key" % label, answer, token_path, "post", 401)
        answer = post_token(base, api_key, {"expire_after_minutes": 60})
        check_schema(report, contract, "%s POST key without the Bearer scheme" % label, answer,
                     token_path, "post", 401)

        # POST with invalid minutes: each must be a 400
        invalid = [
            ("minutes=0", {"expire_after_minutes": 0}, None),
            ("minutes=43201", {"expire_after_minutes": 43201}, None),
            ("minutes=-5", {"expire_after_minutes": -5}, None),
            ("minutes=1.5", {"expire_after_minutes": 1.5}, None),
            ("minutes=\"sixty\"", {"expire_after_minutes": "sixty"}, None),
            ("minutes=null", {"expire_after_minutes": None}, None),
            ("minutes missing", {}, None),
            ("body not JSON", None, b"expire_after_minutes=60&"),
        ]
        for name, payload, raw in invalid:
            answer = post_token(base, bearer, payload, raw=raw)
            check_schema(report, contract, "%s POST %s" % (label, name), answer, token_path, "post", 400)

        # GET /fault/token/{id}
        if minted is None:
            report.check("%s GET minted token" % label, False, "no token was minted, nothing to read")
        else:
            answer = get_faults(base, bearer, minted)
            check_schema(report, contract, "%s GET minted token with Bearer" % label, answer,
                         faults_path, "get", 200)
            # Looked at even when the schema check failed: the report then says all that is wrong.
            if answer.status == 200 and answer.json_error is None:
                faults = answer.json
                report.check("%s GET minted token: a non-empty bare array" % label,
                             isinstance(faults, list) and len(faults) > 0, "got %s" % type(faults).__name__)
                if isinstance(faults, list):
                    check_fault_details(report, "%s GET minted token" % label, faults)

            answer = get_faults(base, None, minted)
            check_schema(report, contract, "%s GET minted token without Bearer" % label, answer,
                         faults_path, "get", 401)
            answer = get_faults(base, "Bearer " + random_api_key(), minted)
            check_schema(report, contract, "%s GET minted token with a wrong Bearer" % label, answer,
                         faults_path, "get", 401)

        answer = get_faults(base, bearer, random_jwt_shaped())
        check_schema(report, contract, "%s GET unknown JWT-shaped token" % label, answer, faults_path, "get", 404)
        answer = get_faults(base, bearer, "not-a-token")
        check_schema(report, contract, "%s GET unknown token \"not-a-token\"" % label, answer,
                     faults_path, "get", 404)


def run_rate_limit(report, contract, binary):
    """The documented 429: Retry-After in whole seconds (X-RateLimit-* when sent are integers)."""
    api_key = random_api_key()
    label = "rate limit"
    with DemoApi(binary, api_key, ["--rate-limit", "2"]) as api:
        print("# %s: demo API on %s with --rate-limit 2" % (label, api.url), flush=True)
        answers = [post_token(api.url, "Bearer " + api_key, {"expire_after_minutes": 5}) for _ in range(3)]
        report.check("%s: two requests within the limit get 200" % label,
                     [a.status for a in answers[:2]] == [200, 200],
                     "got %s" % [a.status for a in answers[:2]])
        last = answers[2]
        if report.check("%s: the third gets HTTP 429" % label, last.status == 429, "got " + last.describe()):
            headers = contract.response("/fault/token", "post", 429).get("headers", {})
            retry = last.headers.get("Retry-After")
            report.check("%s: Retry-After is a number of seconds" % label,
                         retry is not None and retry.strip().isdigit(), "got %r" % retry)
            bad = []
            for name, spec in headers.items():
                value = last.headers.get(name)
                if value is None or name == "Retry-After":
                    continue
                schema = to_json_schema(spec.get("schema", {}), contract.components)
                try:
                    parsed = int(value.strip())
                except ValueError:
                    bad.append("%s: %r is not an integer" % (name, value))
                    continue
                bad.extend("%s: %s" % (name, e) for e in contract.errors(schema, parsed))
            report.check("%s: X-RateLimit-* headers, when sent, match the document" % label, not bad,
                         summarize(bad))


def check_document(report, contract):
    """The document itself: its examples must satisfy its schemas, and its schemas must bite."""
    doc = contract.doc
    report.check("document: OpenAPI 3.0", str(doc.get("openapi", "")).startswith("3.0."),
                 "openapi %r" % doc.get("openapi"))
    report.check("document: global security is BearerAuth (http bearer)",
                 doc.get("security") == [{"BearerAuth": []}]
                 and doc.get("components", {}).get("securitySchemes", {}).get("BearerAuth", {}).get("scheme")
                 == "bearer")
    for name in sorted(contract.components):
        node = contract.components[name]
        if "example" not in node:
            report.check("document: schema %s has an example" % name, False)
            continue
        errors = contract.errors(contract.schema(name), node["example"])
        report.check("document: example of schema %s is valid" % name, not errors, summarize(errors))
    for path, methods in doc["paths"].items():
        for method, operation in methods.items():
            for status, response in operation["responses"].items():
                media = contract.response(path, method, status).get("content", {}).get("application/json")
                if media is None:
                    continue
                if "example" not in media:
                    report.check("document: %s %s %s has an example" % (method.upper(), path, status), False)
                    continue
                errors = contract.errors(contract.response_schema(path, method, status), media["example"])
                report.check("document: example of %s %s %s is valid" % (method.upper(), path, status),
                             not errors, summarize(errors))

    # The validator must be able to fail: answers that break the reference are rejected.
    fault = copy.deepcopy(contract.components["Fault"]["example"])
    fault_list = contract.schema("FaultList")
    broken = {
        "status \"active\"": dict(fault, status="active"),
        "severity \"critical\" (lower case)": dict(fault, severity="critical"),
        "resolved_at not a date-time": dict(fault, resolved_at="yesterday"),
        "created_at without T and zone": dict(fault, created_at="2023-07-01 08:03:22"),
        "ttl as a string": dict(fault, ttl="1763640000"),
        "comments as an object": dict(fault, comments={"user_id": "usr_1"}),
        "a comment with a numeric user_id": dict(fault, comments=[{"user_id": 7, "comment": "x",
                                                                    "created_at": "2025-10-21T12:05:00Z"}]),
    }
    for name, sample in broken.items():
        report.check("validator rejects a fault with %s" % name, bool(contract.errors(fault_list, [sample])))
    report.check("validator rejects a paginated wrapper instead of a bare array",
                 bool(contract.errors(fault_list, {"data": [fault], "meta": {"count": 1}})))
    report.check("validator accepts resolved_at null (nullable) and a resolved fault",
                 not contract.errors(fault_list, [fault, dict(fault, status="resolved",
                                                             resolved_at="2025-10-21T12:30:00.000000Z")]))
    token = contract.schema("TokenResponse")
    report.check("validator rejects expires_in_minutes \"60\" (a string)",
                 bool(contract.errors(token, dict(contract.components["TokenResponse"]["example"],
                                                  expires_in_minutes="60"))))
    report.check("validator rejects a 401 body without message",
                 bool(contract.errors(contract.schema("ErrorMessage"), {"error": "Unauthenticated."})))
    request_schema = contract.schema("TokenRequest")
    report.check("validator rejects expire_after_minutes 43201 in a request",
                 bool(contract.errors(request_schema, {"expire_after_minutes": 43201})))


def main(argv):
    if len(argv) != 3:
        print("usage: %s DEMO_API_BINARY OPENAPI_JSON" % os.path.basename(argv[0]), file=sys.stderr)
        return 2
    binary, document = argv[1], argv[2]
    if not os.access(binary, os.X_OK):
        print("%s: not an executable file" % binary, file=sys.stderr)
        return 2

    # A SIGTERM (a test timeout) still stops the demo API: the finally blocks run.
    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    report = Report()
    contract = Contract(document)
    check_document(report, contract)
    suites = [
        ("api key tokenId:teamId:secret", random_api_key()),
        ("api key JWT", random_jwt_shaped()),
    ]
    for label, key in suites:
        try:
            run_suite(report, contract, binary, label, key)
        except Exception as exc:  # noqa: BLE001 - one line per broken suite, then go on
            report.check("%s: suite ran to the end" % label, False, "%s: %s" % (type(exc).__name__, exc))
    try:
        run_rate_limit(report, contract, binary)
    except Exception as exc:  # noqa: BLE001
        report.check("rate limit: suite ran to the end", False, "%s: %s" % (type(exc).__name__, exc))

    print("%d passed, %d failed" % (report.passed, report.failed), flush=True)
    return 0 if report.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
