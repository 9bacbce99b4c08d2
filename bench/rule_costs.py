#!/usr/bin/env python3
"""`make bench-rules`: what each built-in rule costs a record, in instructions counted by callgrind.

    bench/rule_costs.py [--records 500] [--top 0]

A rule's cost is the difference it makes: the instructions of `legality check --jobs 1` over the
records with the built-in rules, less those without the rule's file (taken out of a copy of
rules/), each beyond start-up (the run over the records less the run over the first record
alone), over the records less one. Shared definitions a rule reads are counted to the rule when
no other rule of the run reads them too, as in the run it is taken out of.

A rule is taken out by its file, not with a configuration's `disable:`: rules of the record pack
(REC-*) can be neither disabled nor waived, so a configuration that names one ends the run at once
(exit 2), and its "cost" would be the whole check's.

Needs valgrind. The records are the benchmark's (bench/generate.py, under .build/bench/); the
binary is .build/release/legality, built by `make release` (the Makefile target builds it first).
"""
import argparse
import os
import shutil
import sys

sys.dont_write_bytecode = True
import run  # noqa: E402  (bench/run.py: the data set, the binary and the instruction counts)

AS_OF = "2026-11-27"


def rule_files(rules):
    """The rule files of a rules folder, by id: the YAML files of its folders with a top-level
    `id` and `severity` (the vocabulary, the definitions, calendars, ledger layouts, the annual
    report's wording and the starter files of `legality init` are no rules)."""
    found = {}
    for pack in sorted(os.listdir(rules)):
        folder = os.path.join(rules, pack)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                keys = {line.split(":", 1)[0] for line in f if line[:1].isalpha()}
            if {"id", "severity"} <= keys:
                found[name[:-len(".yaml")]] = os.path.join(pack, name)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--top", type=int, default=0, help="print only the costliest rules (0: all)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("bench-rules: valgrind is needed (apt-get install valgrind)")
    if not os.path.exists(run.LEGALITY):
        sys.exit("bench-rules: build the release binary first (make release)")
    if args.records < 2:
        sys.exit("bench-rules: --records must be at least 2")
    os.makedirs(run.WORK, exist_ok=True)
    source, listing, _ = run.dataset(args.records)
    with open(listing) as f:
        files = [line.strip() for line in f if line.strip()]
    # The records as one folder, and the first alone, each with the registry.
    records = run.record_folder(f"rule-costs-{len(files)}", files, source)
    first = run.record_folder("rule-costs-1", files[:1], source)
    rules = os.path.join(run.WORK, "rule-costs-rules")
    shutil.rmtree(rules, ignore_errors=True)
    shutil.copytree(os.path.join(run.ROOT, "rules"), rules)
    # Each rule's file is taken out in turn: the copy holds no manifest, which would refuse it.
    os.remove(os.path.join(rules, "manifest.yaml"))
    check = [run.LEGALITY, "check", "--format", "json", "--jobs", "1", "--as-of", AS_OF]
    environment = dict(os.environ, LEGALITY_RULES=rules)

    def each_record():
        """Instructions a record costs beyond start-up with the rules folder as it is now."""
        whole = run.instructions(check + [records], env=environment)
        alone = run.instructions(check + [first], env=environment)
        return (whole - alone) / (len(files) - 1)

    with_all = each_record()
    costs = []
    for rule, relative in rule_files(rules).items():
        path = os.path.join(rules, relative)
        aside = path + ".aside"
        os.rename(path, aside)
        try:
            costs.append((with_all - each_record(), rule))
        finally:
            os.rename(aside, path)
    costs.sort(key=lambda cost: (-cost[0], cost[1]))
    shown = costs[: args.top] if args.top else costs
    print(f"{len(files):,} records; with every built-in rule {with_all:,.0f} instructions a record beyond start-up\n")
    print("| rule | instructions a record | share of the check |")
    print("| --- | ---: | ---: |")
    for cost, rule in shown:
        print(f"| {rule} | {cost:,.0f} | {cost / with_all:.1%} |")
    total = sum(cost for cost, _ in costs)
    print(f"\nthe rules taken out one at a time: {total:,.0f} instructions a record in all ({total / with_all:.1%})")
    print("(a rule's count moves by some hundred instructions with where the run's tables and memory land "
          "once it is gone: costs that small, or below nothing, are none)")


if __name__ == "__main__":
    main()
