#!/usr/bin/env python3
"""Checks a Regie checkpoint as any C2SP signed-note tool would, written from the specs
(c2sp.org/signed-note, c2sp.org/tlog-checkpoint) with Python's `cryptography` package.

    python3 scripts/verify-checkpoint-note.py CHECKPOINT VERIFIER_KEY [WITNESS_VERIFIER_KEY ...]

A verifier key is `<name>+<8 hex key ID>+<base64(0x01 || 32-byte Ed25519 public key)>`. The log's
signature must verify, and so must a cosignature by every witness key given. Prints the
origin, tree size and root and exits 0; exits 1 naming the problem otherwise.
"""
import base64
import hashlib
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def fail(message):
    print("BROKEN: " + message)
    sys.exit(1)


def parse_key(text):
    name, key_id, data = text.strip().split("+", 2)
    raw = base64.b64decode(data)
    if len(raw) != 33 or raw[0] != 0x01:
        fail(f"{text}: not an Ed25519 verifier key")
    computed = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    if computed.hex() != key_id.lower():
        fail(f"{name}: the key ID does not belong to the key")
    return name, computed, Ed25519PublicKey.from_public_bytes(raw[1:])


def main():
    note = open(sys.argv[1], encoding="utf-8").read()
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        fail("control characters in the note")
    split = note.rstrip("\n").rfind("\n\n")
    if split < 0 or not note.endswith("\n"):
        fail("no signatures")
    text, signature_lines = note[:split + 1], note[split + 2:].rstrip("\n").split("\n")
    lines = text.rstrip("\n").split("\n")
    if len(lines) < 3 or not lines[1].isdigit() or (lines[1] != "0" and lines[1].startswith("0")):
        fail("not a tlog-checkpoint body")
    root = base64.b64decode(lines[2])
    if len(root) != 32:
        fail("the root is not 32 bytes")
    signatures = []
    for line in signature_lines:
        if not line.startswith("\u2014 "):
            fail(f"not a signature line: {line}")
        name, _, data = line[2:].partition(" ")
        raw = base64.b64decode(data)
        signatures.append((name, raw[:4], raw[4:]))
    keys = [parse_key(k) for k in sys.argv[2:]]
    if keys[0][0] != lines[0]:
        fail("the log's key name is not the origin")
    for name, key_id, key in keys:
        matching = [s for s in signatures if s[0] == name and s[1] == key_id]
        if not matching:
            fail(f"no signature by {name}")
        for _, _, signature in matching:
            try:
                key.verify(signature, text.encode("utf-8"))
            except InvalidSignature:
                fail(f"the signature by {name} does not verify")
    print(f"verified: {lines[0]} size {lines[1]} root {root.hex()[:16]}... ({len(keys)} signatures)")


if __name__ == "__main__":
    main()
