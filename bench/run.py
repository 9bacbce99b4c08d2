#!/usr/bin/env python3
"""`make bench`: legality's speed measured against the floor, raw libyaml, on the same files.

    bench/run.py [--records 20000] [--large 1000000] [--runs 3]

0. Builds the release binary with `make release`: profile-guided (scripts/pgo); `make bench PGO=0`
   or `PGO=0 bench/run.py` measures a plain build.
1. Generates N synthetic records (bench/generate.py, deterministic) under .build/bench/.
2. The floor: bench/floor.c, a C program that only pulls libyaml's events from every file.
3. `legality check --format json` with --jobs 1 and with the default number of jobs, and with one
   job and a rules folder of no rule but one that never holds (the time of loading the records and
   reporting; the rest of the one-job time is the rules'). Also the floor on every core (as many
   floor processes at once as there are cores, each given a share of the files): what the machine
   itself gains from its cores, beside what legality's default jobs gain.
4. Start-up: `legality check` of one record, median of 20 runs. Also the same check of 10,000 of
   the records named one by one on the command line (as a pre-commit hook names changed files)
   beside the check of them by folder, one job, median of --runs runs: naming them must not cost
   more than reading them (swift-argument-parser alone once took 3.4 s for 10,000 paths).
5. Time, peak resident memory and the floor's time on 100,000 records and on --large records (0
   to skip), as one file a record and as 10 multi-document files.
6. Ledgers: --ledger rows (default 100,000; 0 to skip) of a penalty-case ledger (bench/ledger.py),
   as CSV and as .xlsx: time and peak memory.
7. Instructions per record by valgrind's callgrind (--callgrind records, default 2,000; 0 to
   skip), for legality with one job and for the floor, so the ratio can be compared across
   machines: instruction counts do not depend on the machine's speed or load. Printed twice: with
   each program's start-up spread over the records, and beyond start-up (the count of the records
   less that of the first record alone). Also legality's atomic reference counts per record: how
   often the `lock cmpxchg` of the runtime's `swift_retain` and `swift_release` ran (found with
   objdump), which cost more than their instruction count says (1–1.5 ns each in this program).
Prints a Markdown table (records/s, MB/s, ratio to the floor, peak memory) and the core count.
Times are the median of --runs rounds (the floor and the checks back to back in each), on a warm
file cache; the ratios to the floor are given of the median times and as the median of each
round's ratio.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench")
LEGALITY = os.path.join(ROOT, ".build", "release", "legality")
FLOOR = os.path.join(WORK, "floor")
PEAK = os.path.join(WORK, "peak")


def sh(args, **kwargs):
    return subprocess.run(args, check=True, **kwargs)


def timed(args, stdin_path=None, runs=1, env=None):
    """Median wall time and the peak RSS (KB) of `runs` runs of a command.

    The peak is measured by bench/peak.c, which runs the command: a process forked from this
    driver would start its peak at the driver's own size (hundreds of MB with a million paths)."""
    times, peak = [], 0
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.run([PEAK] + args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        times.append(time.perf_counter() - start)
        peak = max(peak, reported_peak(process.stderr))
        if stdin_path:
            stdin.close()
        if process.returncode not in (0, 1):
            sys.exit(f"bench: {' '.join(args)} exited with {process.returncode}")
    return statistics.median(times), peak


def reported_peak(stderr):
    """The peak RSS (KB) bench/peak.c writes as the last line of a command's standard error."""
    lines = stderr.decode(errors="replace").strip().splitlines()
    return int(lines[-1]) if lines and lines[-1].isdigit() else 0


def split_listing(listing, parts):
    """`parts` files of contiguous shares of the paths of `listing`, for `timed_split`."""
    with open(listing) as f:
        paths = f.read().splitlines()
    shares = []
    for part in range(parts):
        share = f"{listing}.part{part}"
        with open(share, "w") as f:
            f.write("\n".join(paths[part * len(paths) // parts:(part + 1) * len(paths) // parts]) + "\n")
        shares.append(share)
    return shares


def timed_split(args, shares):
    """Wall time and the largest peak RSS (KB) of one copy of a command for each share of a
    listing (`split_listing`), run at once, each reading its share on standard input: the floor
    on every core, which tells how much faster this machine pulls libyaml's events with all its
    cores than with one (processes share caches and memory bandwidth, so not always that many
    times)."""
    inputs = [open(share, "rb") for share in shares]
    start = time.perf_counter()
    processes = [subprocess.Popen([PEAK] + args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for stdin in inputs]
    outputs = [process.communicate()[1] for process in processes]
    seconds = time.perf_counter() - start
    for stdin in inputs:
        stdin.close()
    for process in processes:
        if process.returncode != 0:
            sys.exit(f"bench: {' '.join(args)} exited with {process.returncode}")
    return seconds, max(reported_peak(output) for output in outputs)


def loading_only_rules():
    """A rules folder with the built-in vocabulary, definitions and calendar and one rule that
    never holds, for every kind: with it `legality check` reads and checks every record as with
    the built-in rules (keys, codes, dates) and evaluates next to nothing, so its time is that of
    loading records and reporting, and the rest of the full check's is the rules'."""
    folder = os.path.join(WORK, "rules-loading-only")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "rules"), folder)
    for pack in ("mad", "normative", "penalty", "record", "report"):
        shutil.rmtree(os.path.join(folder, pack), ignore_errors=True)
    # (Its packs gone, it holds no manifest, which would refuse it.)
    os.remove(os.path.join(folder, "manifest.yaml"))
    # The one rule stands in the record pack's folder, which a rules folder must hold a rule in.
    os.makedirs(os.path.join(folder, "record"))
    with open(os.path.join(folder, "record", "LOAD-000.yaml"), "w") as f:
        f.write("id: LOAD-000\nseverity: info\ntitle: {zh: 空, en: none}\ndescription: {zh: 空, en: none}\n"
                "message: {zh: 空, en: none}\nbasis: {instrument: bench, article: '-', en: bench}\n"
                "help: {zh: 空, en: none}\nviolation: false\n")
    return dict(os.environ, LEGALITY_RULES=folder)


def dataset(count, multi=0):
    name = f"{count}-multi{multi}" if multi else str(count)
    folder = os.path.join(WORK, name)
    if not os.path.exists(os.path.join(folder, "registry.yaml")):
        shutil.rmtree(folder, ignore_errors=True)
        args = [sys.executable, os.path.join(ROOT, "bench", "generate.py"), folder, str(count)]
        if multi:
            args += ["--multi", str(multi)]
        sh(args)
    files = []
    for directory, _, names in os.walk(folder):
        files += [os.path.join(directory, n) for n in names if n != "registry.yaml"]
    files.sort()
    listing = folder + ".list"
    with open(listing, "w") as f:
        f.write("\n".join(files) + "\n")
    size = sum(os.path.getsize(p) for p in files)
    return folder, listing, size


def record_folder(name, files, dataset_folder):
    """A folder under .build/bench/ holding copies of `files` (numbered, in order) and the registry
    of the data set they come from, made once: checked as a folder, the records cost no paths on
    the command line (thousands of them add the argument parser's own cost, about 10 % of the time
    for 2,000)."""
    folder = os.path.join(WORK, name)
    if not os.path.isdir(folder):
        os.makedirs(folder)
        for index, path in enumerate(files):
            shutil.copyfile(path, os.path.join(folder, f"{index:06d}-{os.path.basename(path)}"))
        shutil.copyfile(os.path.join(dataset_folder, "registry.yaml"), os.path.join(folder, "registry.yaml"))
    return folder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--large", type=int, default=1000000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ledger", type=int, default=100000)
    parser.add_argument("--callgrind", type=int, default=2000)
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)
    # The release build, as `make release` and the package make it: the Swift runtime linked
    # statically, the code laid out by the profile of scripts/pgo (made again when sources change).
    sh(["make", "release"], cwd=ROOT, stdout=subprocess.DEVNULL)
    sh(["gcc", "-O2", "-o", FLOOR, os.path.join(ROOT, "bench", "floor.c"), "-lyaml"])
    sh(["gcc", "-O2", "-o", PEAK, os.path.join(ROOT, "bench", "peak.c")])
    cores = os.cpu_count()
    check = [LEGALITY, "check", "--format", "json", "--as-of", "2026-11-27"]

    folder, listing, size = dataset(args.records)
    timed([FLOOR], listing)  # warm the file cache
    # Rounds of the floor and both checks back to back: this machine's speed drifts by a fifth
    # between runs a minute apart, so each ratio is taken within a round (the floor's time over
    # the check's in the same round) and the median of the rounds' ratios is reported beside the
    # median times.
    loading = loading_only_rules()
    shares = split_listing(listing, cores)
    rounds = []
    for _ in range(args.runs):
        rounds.append((timed([FLOOR], listing), timed(check + ["--jobs", "1", folder]), timed(check + [folder]),
                       timed(check + ["--jobs", "1", folder], env=loading), timed_split([FLOOR], shares)))
    floor, one, default, loading_one, floor_split = (statistics.median(r[i][0] for r in rounds) for i in range(5))
    floor_peak, one_peak, default_peak, loading_peak, split_peak = (max(r[i][1] for r in rounds) for i in range(5))
    one_ratio, default_ratio, loading_ratio, split_ratio = (statistics.median(r[0][0] / r[i][0] for r in rounds) for i in (1, 2, 3, 4))
    # Legality's default jobs against the floor run on every core, round by round.
    default_to_split = statistics.median(r[4][0] / r[2][0] for r in rounds)

    single = os.path.join(ROOT, "cases", "mad", "county-heating-concession.yaml")
    startup = statistics.median(timed([LEGALITY, "check", "--as-of", "2026-11-27", single])[0] for _ in range(20))

    n = args.records
    mb = size / 1e6
    print(f"machine: {cores} cores; {n} records, {mb:.1f} MB in {n} files; median of {args.runs} rounds\n")
    print("| run | time (s) | records/s | MB/s | ratio to floor (of medians) | ratio to floor (median of rounds) | peak memory (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, seconds, ratio, peak in [
        ("floor: libyaml events only (C)", floor, 1.0, floor_peak),
        ("legality check --format json --jobs 1", one, one_ratio, one_peak),
        (f"legality check --format json (default jobs: {cores})", default, default_ratio, default_peak),
        ("legality check --format json --jobs 1, no rule (records loaded and reported only)", loading_one, loading_ratio, loading_peak),
        (f"floor on {cores} cores: {cores} processes at once, each a share of the files", floor_split, split_ratio, split_peak),
    ]:
        print(f"| {label} | {seconds:.2f} | {n / seconds:,.0f} | {mb / seconds:.1f} | {floor / seconds:.2f} | {ratio:.2f} | {peak / 1024:.0f} |")
    print(f"\nlegality's default jobs against the floor on {cores} cores (median of rounds): {default_to_split:.2f}")
    print(f"\nstart-up: `legality check` of one record, median of 20 runs: {startup * 1000:.1f} ms")
    with open(listing) as f:
        named = [line.strip() for line in f if line.strip()][:10000]
    # The generator fills folders in order, so these records are those of the first folders.
    folders = sorted({os.path.dirname(path) for path in named})
    by_name = statistics.median(timed(check + ["--jobs", "1"] + named)[0] for _ in range(args.runs))
    by_folder = statistics.median(timed(check + ["--jobs", "1"] + folders)[0] for _ in range(args.runs))
    print(f"{len(named):,} records named one by one as arguments: {by_name:.2f} s (their {len(folders)} folders named instead: {by_folder:.2f} s)\n")

    # The floor is timed on the same files just before, so the ratio holds even where the time is
    # the file system's: a million small files do not all stay in the page cache.
    print("| memory run | records | time (s) | floor (s) | ratio to floor | peak memory (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for count in [100000] + ([args.large] if args.large else []):
        for multi in (0, 10):
            folder, listing, _ = dataset(count, multi)
            floor_seconds, _ = timed([FLOOR], listing)
            # Multi-document files of a million records are larger than the default file-size limit.
            seconds, peak = timed(check + ["--max-file-bytes", str(4 << 30), folder])
            shape = "10 multi-document files" if multi else "one file a record"
            print(f"| {shape} | {count:,} | {seconds:.1f} | {floor_seconds:.1f} | {floor_seconds / seconds:.2f} | {peak / 1024:.0f} |")

    if args.ledger:
        folder = os.path.join(WORK, f"ledger-{args.ledger}")
        if not os.path.exists(os.path.join(folder, "registry.yaml")):
            sh([sys.executable, os.path.join(ROOT, "bench", "ledger.py"), folder, str(args.ledger)])
        print("\n| ledger | rows | file (MB) | time (s) | rows/s | peak memory (MB) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name in ("ledger.csv", "ledger.xlsx"):
            path = os.path.join(folder, name)
            seconds, peak = timed(check + ["--max-file-bytes", str(4 << 30), path])
            print(f"| {name} | {args.ledger:,} | {os.path.getsize(path) / 1e6:.1f} | {seconds:.1f} | {args.ledger / seconds:,.0f} | {peak / 1024:.0f} |")

    if args.callgrind and shutil.which("valgrind"):
        folder, listing, _ = dataset(args.records)
        with open(listing) as f:
            files = [line.strip() for line in f if line.strip()][: args.callgrind]
        subset = os.path.join(WORK, f"callgrind-{len(files)}.list")
        with open(subset, "w") as f:
            f.write("\n".join(files) + "\n")
        copies = record_folder(f"callgrind-{len(files)}", files, folder)
        floor_instructions = instructions([FLOOR], stdin_path=subset)
        check_instructions = instructions(check + ["--jobs", "1", copies], each_instruction=True)
        n = len(files)
        print(f"\ncallgrind, {n:,} records: floor {floor_instructions / n:,.0f} instructions a record, "
              f"legality check --jobs 1 {check_instructions / n:,.0f} ({check_instructions / floor_instructions:.1f} × the floor)")
        counts = atomic_counts(LEGALITY, os.path.join(WORK, "callgrind.out"))
        if counts is not None:
            print(f"atomic reference counts (`lock cmpxchg` in swift_retain and swift_release): {counts / n:,.0f} a record")
        # The counts above include each program's start-up once: legality's (reading its 45 rule
        # files, parsing its arguments) is some 55 M instructions, 27,000 a record of 2,000, the
        # floor's next to nothing. What a record costs beyond start-up is the count of the n
        # records less that of the first alone, over n - 1.
        if n < 2:
            return
        first = record_folder("callgrind-1", files[:1], folder)
        first_list = os.path.join(WORK, "callgrind-1.list")
        with open(first_list, "w") as f:
            f.write(files[0] + "\n")
        floor_each = (floor_instructions - instructions([FLOOR], stdin_path=first_list)) / (n - 1)
        check_each = (check_instructions - instructions(check + ["--jobs", "1", first])) / (n - 1)
        loading_each = (instructions(check + ["--jobs", "1", copies], env=loading)
                        - instructions(check + ["--jobs", "1", first], env=loading)) / (n - 1)
        print(f"beyond start-up (the {n:,} records less the first alone): floor {floor_each:,.0f} instructions a record, "
              f"legality {check_each:,.0f} ({check_each / floor_each:.2f} × the floor), of which loading and reporting "
              f"(no rule but one that never holds) {loading_each:,.0f} ({loading_each / floor_each:.2f} ×)")


def instructions(args, stdin_path=None, each_instruction=False, env=None):
    """Instructions a command executes, counted by valgrind's callgrind (with each instruction's
    count written out when asked, for `atomic_counts`).

    Swift seeds its hashing per process, which moves a count by some 3 M instructions from run
    to run (dictionaries grow and are walked in another order); the count is taken with the seed
    fixed (SWIFT_DETERMINISTIC_HASHING), so that two binaries compare exactly."""
    out = os.path.join(WORK, "callgrind.out")
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    environment = dict(env or os.environ, SWIFT_DETERMINISTIC_HASHING="1")
    detail = ["--dump-instr=yes"] if each_instruction else []
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + detail + args,
                            stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=environment)
    if stdin_path:
        stdin.close()
    for line in result.stderr.splitlines():
        if "refs:" in line:
            return int(line.split("refs:")[1].strip().replace(",", ""))
    sys.exit("bench: callgrind printed no instruction count")


def atomic_counts(binary, out):
    """How often the atomic `lock cmpxchg` of `swift_retain` and `swift_release` (the Swift
    runtime, linked into the binary) ran, from a callgrind output written with each instruction's
    count; None when objdump is missing or the instructions are not found."""
    if not shutil.which("objdump"):
        return None
    listing = subprocess.run(["objdump", "-d", "--no-show-raw-insn", binary], capture_output=True, text=True).stdout
    addresses = set()
    for function in ("swift_retain", "swift_release"):
        body = listing.split(f"<{function}>:\n", 1)[1].split("\n\n", 1)[0] if f"<{function}>:\n" in listing else ""
        for line in body.splitlines():
            if "lock cmpxchg" in line:
                addresses.add(int(line.split(":")[0], 16))
                break
    if len(addresses) != 2:
        return None
    # Each cost line is "address line count", the address absolute (0x...), relative to the line
    # before (+n, -n) or the same (*); the line after "calls=" is the call's, not an instruction's
    # own cost.
    total, address, after_call = 0, 0, False
    with open(out) as lines:
        for line in lines:
            if line.startswith("calls="):
                after_call = True
                continue
            first = line.split(" ", 1)[0]
            if not first or first[0] not in "0+-*":
                continue
            try:
                if first.startswith("0x"):
                    address = int(first, 16)
                elif first != "*":
                    address += int(first)
            except ValueError:
                continue
            if after_call:
                after_call = False
                continue
            if address in addresses:
                total += int(line.split()[-1])
    return total


if __name__ == "__main__":
    main()
