#!/usr/bin/env bash
# Intent classifier evaluation: 10-fold cross-validated accuracy on intent-corpus.tsv, then per-intent
# precision/recall/F1 and the confusion matrix on the held-out intent-test.tsv (OpenNLP's evaluators).
# Usage: bot/run-intent-eval.sh   (offline by default; MAVEN_ARGS="" lets Maven download)
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=bot/target/intent-eval.classpath
./mvnw ${MAVEN_ARGS--o} -q -pl bot -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=runtime >/dev/null
exec java -Dlogback.configurationFile=bot/src/main/resources/understanding/evaluation-logback.xml -cp "bot/target/classes:$(cat "$classpath_file")" cn.zhice.bot.understanding.IntentEvaluation
