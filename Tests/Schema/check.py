#!/usr/bin/env python3
"""Checks `legality schema` against real records (run by `make test` when jsonschema is installed).

Every bundled case and every conformance case (except those that are wrong on purpose) must
validate; a misspelt key, a misspelt step key and a wrongly typed value must not.
Usage: Tests/Schema/check.py LEGALITY_BINARY [SHARED_DIR]
"""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml

binary = sys.argv[1]
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True).stdout)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


class Loader(yaml.SafeLoader):
    """YAML as an editor's language server sees it: dates stay strings."""


Loader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

failures = 0
checked = 0
files = sorted(glob.glob(os.path.join(root, "cases", "**", "*.yaml"), recursive=True))
files += sorted(glob.glob(os.path.join(shared, "conformance", "cases", "**", "*.*"), recursive=True))
# Version 2: records written with the Chinese names of codes validate too.
files += [os.path.join(shared, "conformance", "v2", "trust", name) for name in ("chinese-names.yaml", "kind-chinese-name.yaml")]
for path in files:
    name = os.path.basename(path)
    if name == "registry.yaml" or name in ("bad-yaml.yaml", "missing-id.yaml"):
        continue
    with open(path, encoding="utf-8") as f:
        for document in yaml.load_all(f, Loader=Loader):
            checked += 1
            errors = [e.message for e in validator.iter_errors(document)]
            if errors:
                failures += 1
                print(f"FAIL: {path} does not validate: {errors[:2]}")

with open(os.path.join(root, "cases", "mad", "county-heating-concession.yaml"), encoding="utf-8") as f:
    record = yaml.load(f, Loader=Loader)
dated = next(i for i, step in enumerate(record["steps"]) if "date" in step)
misspelt = copy.deepcopy(record)
misspelt["titel"] = misspelt.pop("title")
wrong_type = copy.deepcopy(record)
wrong_type["steps"][dated]["outcome"] = ["passed"]
misspelt_step = copy.deepcopy(record)
misspelt_step["steps"][dated]["dtae"] = misspelt_step["steps"][dated].pop("date")
misspelt_kind = copy.deepcopy(record)
misspelt_kind["kind"] = "major_decision"
numeric_id = copy.deepcopy(record)
numeric_id["id"] = 91
bad_outcome = copy.deepcopy(record)
bad_outcome["steps"][dated]["outcome"] = "pased"
for label, document in [("a misspelt key", misspelt), ("a wrong type", wrong_type), ("a misspelt step key", misspelt_step),
                        ("a misspelt kind", misspelt_kind), ("a numeric id", numeric_id), ("a misspelt outcome", bad_outcome)]:
    checked += 1
    if validator.is_valid(document):
        failures += 1
        print(f"FAIL: a record with {label} validates")

print(f"schema: {checked - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
