#!/usr/bin/env python3
"""Independent UserSig (TLSSigAPIv2) implementation with Python's standard library only, written
from reference.md section 5, used by tests to cross-check the C++ core. It shares no code with it.

The SecretKey is read from the TIMPUSH_SECRET_KEY environment variable, never from arguments.

  usersig_reference.py content  SDKAPPID IDENTIFIER TIME EXPIRE [USERBUF_TEXT]
  usersig_reference.py generate SDKAPPID IDENTIFIER TIME EXPIRE [--level N] [--userbuf TEXT]
  usersig_reference.py decode   USERSIG           (prints the JSON document, one line)
  usersig_reference.py verify   USERSIG SDKAPPID IDENTIFIER NOW   (exit 0 valid, 1 not; prints why)
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import zlib


def content(sdkappid, identifier, time, expire, userbuf_b64=None):
    text = "TLS.identifier:%s\nTLS.sdkappid:%d\nTLS.time:%d\nTLS.expire:%d\n" % (
        identifier, sdkappid, time, expire)
    if userbuf_b64 is not None:
        text += "TLS.userbuf:%s\n" % userbuf_b64
    return text


def sign(key, text):
    mac = hmac.new(key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(mac).decode("ascii")


def to_usersig(raw):
    text = base64.b64encode(raw).decode("ascii")
    return text.replace("+", "*").replace("/", "-").replace("=", "_")


def from_usersig(sig):
    text = sig.replace("*", "+").replace("-", "/").replace("_", "=")
    text += "=" * (-len(text) % 4)
    return base64.b64decode(text, validate=True)


def generate(key, sdkappid, identifier, time, expire, level=6, userbuf=None):
    doc = {"TLS.ver": "2.0", "TLS.identifier": identifier, "TLS.sdkappid": sdkappid,
           "TLS.expire": expire, "TLS.time": time}
    userbuf_b64 = None
    if userbuf is not None:
        userbuf_b64 = base64.b64encode(userbuf.encode("utf-8")).decode("ascii")
        doc["TLS.userbuf"] = userbuf_b64
    doc["TLS.sig"] = sign(key, content(sdkappid, identifier, time, expire, userbuf_b64))
    # Python's default separators (", ", ": ") differ from the C++ output on purpose: the
    # service does not care about JSON spacing, and neither must our decoder.
    return to_usersig(zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"), level))


def decode(sig):
    return json.loads(zlib.decompress(from_usersig(sig)).decode("utf-8"))


def verify(key, sig, sdkappid, identifier, now):
    doc = decode(sig)
    if doc["TLS.sdkappid"] != sdkappid:
        return "sdkappid mismatch"
    if doc["TLS.identifier"] != identifier:
        return "identifier mismatch"
    if now > doc["TLS.time"] + doc["TLS.expire"]:
        return "expired"
    if "TLS.userbuf" in doc:
        return "userbuf present"
    expected = sign(key, content(doc["TLS.sdkappid"], doc["TLS.identifier"], doc["TLS.time"],
                                 doc["TLS.expire"]))
    if not hmac.compare_digest(expected, doc["TLS.sig"]):
        return "signature mismatch"
    return None


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    key = os.environ.get("TIMPUSH_SECRET_KEY", "")
    if cmd == "content":
        userbuf = base64.b64encode(args[4].encode()).decode() if len(args) > 4 else None
        sys.stdout.write(content(int(args[0]), args[1], int(args[2]), int(args[3]), userbuf))
        return 0
    if cmd == "generate":
        level, userbuf, rest = 6, None, []
        i = 0
        while i < len(args):
            if args[i] == "--level":
                level, i = int(args[i + 1]), i + 2
            elif args[i] == "--userbuf":
                userbuf, i = args[i + 1], i + 2
            else:
                rest.append(args[i])
                i += 1
        print(generate(key, int(rest[0]), rest[1], int(rest[2]), int(rest[3]), level, userbuf))
        return 0
    if cmd == "decode":
        print(json.dumps(decode(args[0]), ensure_ascii=False, sort_keys=True))
        return 0
    if cmd == "verify":
        why = verify(key, args[0], int(args[1]), args[2], int(args[3]))
        print(why or "valid")
        return 1 if why else 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
