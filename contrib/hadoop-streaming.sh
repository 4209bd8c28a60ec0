#!/bin/sh
# mtclean as the map step of a Hadoop Streaming job over JSON Lines
# (map-only: no reducer, so each output file keeps its input split's order).
#
# usage: hadoop-streaming.sh INPUT_DIR OUTPUT_DIR [MTCLEAN OPTION]...
#   e.g. hadoop-streaming.sh /corpus/raw /corpus/clean --min-quality=0.5
#
# Every node needs mtclean installed (make install: the binary, the rules
# and word lists) and the hunspell-fr and hunspell-en-us dictionaries.
# Hadoop decompresses .gz input itself (one map task per .gz file: gzip is
# not splittable) and gives the mapper the lines only, without their byte
# offsets. A line without a tab becomes the key of the map output, which
# Hadoop's TextOutputFormat may write followed by a tab: JSON allows
# trailing whitespace, so the records stay valid JSON.
set -eu
[ $# -ge 2 ] || { sed -n '5,6s/^# \{0,1\}//p' "$0" >&2; exit 2; }
input=$1 output=$2
shift 2
streaming_jar=${HADOOP_STREAMING_JAR:-$(ls "$HADOOP_HOME"/share/hadoop/tools/lib/hadoop-streaming-*.jar | head -n 1)}

# --threads=1: the cluster's map slots are the parallelism. mtclean's exit
# status 2 (a malformed record: FILE:LINE on the task's stderr) fails the task.
hadoop jar "$streaming_jar" \
    -D mapreduce.job.reduces=0 \
    -D mapreduce.job.name="mtclean $*" \
    -D mapreduce.output.fileoutputformat.compress=true \
    -D mapreduce.output.fileoutputformat.compress.codec=org.apache.hadoop.io.compress.GzipCodec \
    -input "$input" \
    -output "$output" \
    -mapper "mtclean --jsonl --threads=1 $*"
