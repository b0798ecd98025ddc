"""Shared helpers for hetfirm's validation scripts: provenance and fixture writing.

Every fixture records the oracle package and version, the script that wrote it and a SHA-256 of
the data it was computed on, so a test failure can be traced to the exact inputs.
"""
import hashlib
import json
import os
import platform

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")


def data_hash(values):
    """SHA-256 of the data as comma-separated shortest round-trip decimals."""
    text = ",".join(repr(float(v)) for v in values)
    return hashlib.sha256(text.encode()).hexdigest()


def text_hash(text):
    """SHA-256 of a text input description (e.g. the parameter sets, as sorted JSON)."""
    return hashlib.sha256(text.encode()).hexdigest()


def write_fixture(oracle, name, package, version, script, data_sha256, payload):
    fixture = {
        "provenance": {
            "package": package,
            "version": version,
            "python": platform.python_version(),
            "script": "validation/" + os.path.basename(script),
            "data_sha256": data_sha256,
        },
        **payload,
    }
    directory = os.path.join(FIXTURES, oracle)
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name + ".json")
    with open(path, "w") as handle:
        json.dump(fixture, handle, indent=1, sort_keys=False)
        handle.write("\n")
    print("wrote", os.path.relpath(path))
