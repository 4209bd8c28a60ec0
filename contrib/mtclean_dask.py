#!/usr/bin/python3
"""Clean the shards of a JSON Lines corpus on a Dask cluster with mtclean.

usage: mtclean_dask.py --scheduler ADDRESS|--scheduler-file FILE
                       --output OUT [--report REPORT] [--summary SUMMARY]
                       SHARD... -- [MTCLEAN OPTION]...

Each task is one plain run of mtclean on one shard (--jsonl --threads=1,
stdin to stdout): the cluster's tasks are the parallelism. Shards are paths
that every worker can read (a shared filesystem), plain or gzip. The
outputs and reports come back to this process and are written in shard
order as soon as each shard and all before it are done; the summary is made
from the merged report by `mtclean --summarize`. Documents are numbered
across shards (--doc-offset), so OUT, REPORT and SUMMARY are byte for byte
what one mtclean over the shards concatenated writes.

A shard whose mtclean fails (a malformed record, a missing file) stops the
job with its error, after the shards before it were written: exit 2, as
mtclean itself. The mtclean binary is $MTCLEAN on the workers, else mtclean
from their PATH; the summary uses $MTCLEAN here.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def count_records(shard):
    """Records (lines) in a shard, read on a worker: the doc offsets."""
    opener = ["gzip", "-cdf", "--", shard]
    with subprocess.Popen(opener, stdout=subprocess.PIPE) as p:
        n = 0
        last = b"\n"
        for block in iter(lambda: p.stdout.read(1 << 20), b""):
            n += block.count(b"\n")
            last = block[-1:]
        if p.wait() != 0:
            raise RuntimeError(f"{shard}: cannot read (gzip -d failed)")
    return n + (last != b"\n")


def clean_shard(shard, offset, options):
    """One mtclean run on one shard; returns (status, output, report, stderr)."""
    mtclean = os.environ.get("MTCLEAN", "mtclean")
    with tempfile.TemporaryDirectory(prefix="mtclean-dask.") as work:
        report = os.path.join(work, "report")
        cmd = [mtclean, "--jsonl", "--threads=1", f"--doc-offset={offset}",
               f"--report={report}", *options, shard]
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        rep = b""
        if os.path.exists(report):
            with open(report, "rb") as f:
                rep = f.read()
    return done.returncode, done.stdout, rep, done.stderr


def write_in_order(futures, out, report, shards):
    """Writes each shard's output and report once all before it are written."""
    from distributed import as_completed
    index = {f.key: i for i, f in enumerate(futures)}
    ready, next_i = {}, 0
    for fut in as_completed(futures):
        ready[index[fut.key]] = fut.result()
        while next_i in ready:
            status, text, rep, err = ready.pop(next_i)
            if status not in (0, 1):
                msg = err.decode("utf-8", "replace").strip()
                sys.exit(f"mtclean_dask: {shards[next_i]}: {msg or f'mtclean exited {status}'}")
            out.write(text)
            report.write(rep)
            next_i += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="scheduler address, e.g. tcp://host:8786")
    where.add_argument("--scheduler-file", help="file written by dask-scheduler --scheduler-file")
    ap.add_argument("--output", required=True)
    ap.add_argument("--report")
    ap.add_argument("--summary")
    ap.add_argument("shards", nargs="+")
    argv = sys.argv[1:]
    options = []
    if "--" in argv:
        cut = argv.index("--")
        argv, options = argv[:cut], argv[cut + 1:]
    args = ap.parse_args(argv)

    from distributed import Client
    client = Client(args.scheduler or None, scheduler_file=args.scheduler_file)
    counts = client.gather([client.submit(count_records, s, pure=False) for s in args.shards])
    offsets = [sum(counts[:i]) for i in range(len(counts))]
    futures = [client.submit(clean_shard, s, o, options, pure=False)
               for s, o in zip(args.shards, offsets)]
    report_path = args.report or tempfile.mkstemp(prefix="mtclean-dask-report.")[1]
    try:
        with open(args.output, "wb") as out, open(report_path, "wb") as report:
            write_in_order(futures, out, report, args.shards)
        if args.summary:
            summarize(report_path, options, args.summary)
    finally:
        if not args.report:
            os.unlink(report_path)
        client.close()


def summarize(report_path, options, summary_path):
    """The summary of the merged report; the job's options (--field,
    --min-quality, --rules...) shape it as they shape a run's summary."""
    mtclean = os.environ.get("MTCLEAN", "mtclean")
    with open(summary_path, "wb") as f:
        done = subprocess.run([mtclean, "--jsonl", *options, "--summarize", report_path], stdout=f)
    if done.returncode != 0:
        sys.exit(2)


if __name__ == "__main__":
    main()
