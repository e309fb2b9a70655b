#!/usr/bin/env python3
"""An independent check of a Regie audit trail, written from docs/audit.md alone.

    python3 scripts/verify-audit.py regie.sqlite [checkpoint.txt]

Recomputes every payload commitment, event hash and link, the Merkle root over the commit
order, the access log's chain, and each checkpoint's root and heads. It does not check the
Ed25519 signatures (Python's standard library has no Ed25519); `regie audit verify` does.
Exits 0 when everything holds, 1 with the first problem otherwise.
"""
import base64
import hashlib
import sqlite3
import struct
import sys


def sha(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


def string(text):
    data = text.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def merkle_root(leaves):
    """RFC 6962 Merkle tree hash; the leaves are already leaf hashes."""
    if not leaves:
        return sha(b"")
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return sha(b"\x01", merkle_root(leaves[:k]), merkle_root(leaves[k:]))


def fail(message):
    print("BROKEN: " + message)
    sys.exit(1)


def parse_statement(text):
    """Format 1 (`regie checkpoint 1` and named lines) or format 2 (a C2SP tlog-checkpoint body:
    origin, tree size, base64 root, then Regie's extension lines)."""
    lines = text.split("\n")
    if lines[0] == "regie checkpoint 1":
        fields = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(" ")
                fields[name] = value
        return fields
    if len(lines) != 7 or lines[6] != "" or not lines[0].startswith("regie/"):
        fail("not a checkpoint statement")
    access = lines[5].split(" ")
    return {"events": lines[1], "root": base64.b64decode(lines[2]).hex(), "access": access[1], "access-head": access[2]}


def main():
    db = sqlite3.connect(sys.argv[1])
    by_seq = {}
    heads = {}
    previous = None
    for row in db.execute("SELECT case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment,"
                          " prev_hash, hash, format FROM events ORDER BY case_id, version"):
        case_id, version, seq, kind, actor, at, rules, salt, payload, commitment, prev, stored, form = row
        where = f"case {case_id}, version {version}"
        expected_prev = heads.get(case_id, (0, b"\x00" * 32))
        if version != expected_prev[0] + 1:
            fail(f"{where}: version {expected_prev[0] + 1} is missing")
        if prev != expected_prev[1]:
            fail(f"{where}: the link to the previous event is broken")
        if salt is None or payload is None:
            fail(f"{where}: the payload or its salt is missing")
        if len(salt) != 16:
            fail(f"{where}: the salt is not 16 bytes")
        data = payload.encode("utf-8")
        if form == 1:
            expected = sha(salt, data)
        elif form == 2:
            expected = sha(b"\x02", salt, struct.pack(">Q", len(data)), data)
        else:
            fail(f"{where}: unknown envelope format {form}")
        if expected != commitment:
            fail(f"{where}: the payload does not match its commitment")
        digests = [bytes.fromhex(r[len("sha256:"):]) for r in rules.split(" ")] if rules else []
        envelope = (bytes([form]) + struct.pack(">QQ", case_id, version) + prev + string(kind) + string(actor)
                    + struct.pack(">q", at) + struct.pack(">I", len(digests)) + b"".join(digests) + commitment)
        if sha(b"\x00", envelope) != stored:
            fail(f"{where}: the hash does not match the envelope")
        heads[case_id] = (version, stored)
        by_seq[seq] = stored
    if sorted(by_seq) != list(range(1, len(by_seq) + 1)):
        fail("the commit order has gaps or repeats")
    leaves = [by_seq[s] for s in range(1, len(by_seq) + 1)]

    access = []
    previous = b"\x00" * 32
    columns = [row[1] for row in db.execute("PRAGMA table_info(access_log)")]
    address_column = "address" if "address" in columns else "NULL"
    for row in db.execute("SELECT seq, actor, role, at, case_id, action, purpose, prev_hash, hash, "
                          + address_column + " FROM access_log ORDER BY seq"):
        seq, actor, role, at, case_id, action, purpose, prev, stored, address = row
        # Format 1: a read on the command line; format 2 adds the server read's network address.
        envelope = (bytes([1 if address is None else 2]) + struct.pack(">Q", seq) + prev + string(actor) + string(role)
                    + struct.pack(">q", at) + struct.pack(">Q", case_id or 0) + string(action) + string(purpose)
                    + (b"" if address is None else string(address)))
        if seq != len(access) + 1 or prev != previous or sha(envelope) != stored:
            fail(f"access log entry {seq} is broken")
        access.append(stored)
        previous = stored

    statements = [row[0] for row in db.execute("SELECT statement FROM checkpoints ORDER BY id")]
    if len(sys.argv) > 2:
        exported = open(sys.argv[2], encoding="utf-8").read()
        if not exported.startswith("regie checkpoint 1"):
            exported = exported[:exported.rstrip("\n").rfind("\n\n") + 1]  # the note text, without its signatures
        statements.append(exported)
    for number, statement in enumerate(statements, 1):
        fields = parse_statement(statement)
        size = int(fields["events"])
        if size > len(leaves) or merkle_root(leaves[:size]).hex() != fields["root"]:
            fail(f"checkpoint {number} does not match the events it signed")
        entries = int(fields["access"])
        head = access[entries - 1] if 0 < entries <= len(access) else b"\x00" * 32
        if entries > len(access) or head.hex() != fields["access-head"]:
            fail(f"checkpoint {number} does not match the access log")
    print(f"intact: {len(leaves)} events, {len(access)} access entries, {len(statements)} checkpoint roots"
          f" (root {merkle_root(leaves).hex()[:16]}...)")


if __name__ == "__main__":
    main()
