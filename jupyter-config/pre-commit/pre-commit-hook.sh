#!/usr/bin/env bash
# Git pre-commit hook: refuses a commit while a staged notebook holds output that nbguard would
# remove or rewrite (script in HTML, event handlers, unsafe links, widget state, …).
#
# Install:  cp jupyter-config/pre-commit/pre-commit-hook.sh .git/hooks/pre-commit
#           chmod +x .git/hooks/pre-commit
# Set NBGUARD to the launcher if `nbguard` is not on PATH, e.g. NBGUARD=/opt/nbguard/nbguard.
# Set NBGUARD_POLICY to a preset (strict, default, permissive) or a policy file.
# To fix what it reports:  nbguard clean --in-place NOTEBOOK.ipynb   (then stage it again)
#
# It checks the notebooks as they are in the work tree, which is what `git add` staged unless
# they were edited again after staging.
set -euo pipefail

nbguard="${NBGUARD:-nbguard}"
notebooks=()
while IFS= read -r -d '' f; do
  notebooks+=("$f")
done < <(git diff --cached --name-only --diff-filter=ACMR -z -- '*.ipynb')

[ "${#notebooks[@]}" -eq 0 ] && exit 0

if ! "$nbguard" clean --check -- "${notebooks[@]}"; then
  echo "pre-commit: nbguard found unsafe output; clean it with:" >&2
  printf '  %q clean --in-place' "$nbguard" >&2
  printf ' %q' "${notebooks[@]}" >&2
  echo >&2
  exit 1
fi
