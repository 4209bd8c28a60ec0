#!/usr/bin/env python3
"""mtclean as a map step in Spark: RDD.pipe() runs one mtclean per partition.

usage: spark-submit spark_pipe.py INPUT OUTPUT [MTCLEAN OPTION]...
  e.g. spark-submit spark_pipe.py 'hdfs:///corpus/raw/*.jsonl.gz' hdfs:///corpus/clean --min-quality=0.5

Every executor needs mtclean installed with its rules, word lists and the
hunspell-fr and hunspell-en-us dictionaries. pipe() writes each element of a
partition to mtclean's standard input as a line and reads its output lines
back, in order; a JSON Lines record is one element. mtclean exits 2 on a
malformed record (FILE:LINE on the executor's stderr); checkCode=True makes
that fail the task (PySpark ignores the exit status by default).
"""
import shlex
import sys

from pyspark import SparkContext


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    source, target, options = sys.argv[1], sys.argv[2], sys.argv[3:]
    sc = SparkContext(appName="mtclean")
    # --threads=1: Spark runs one task per core already. --min-quality drops
    # records, so the output may have fewer lines than the input.
    command = ["mtclean", "--jsonl", "--threads=1"] + options
    cleaned = sc.textFile(source).pipe(" ".join(shlex.quote(c) for c in command), checkCode=True)
    cleaned.saveAsTextFile(target, compressionCodecClass="org.apache.hadoop.io.compress.GzipCodec")
    sc.stop()


if __name__ == "__main__":
    main()
