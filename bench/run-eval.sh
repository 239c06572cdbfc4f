#!/usr/bin/env bash
# Retrieval evaluation of the knowledge-base search on the development questions.
# Run from the project root: bench/run-eval.sh [path/to/gd-service-items.jsonl]
# Prints recall@1, recall@3 and MRR@10 and writes bench/target/eval-results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am -DskipTests package
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" cn.zhice.bench.RetrievalEval "$@"
