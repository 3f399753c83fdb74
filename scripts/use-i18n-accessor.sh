#!/bin/sh
# Issue 13 item 5, one mechanical step: client files read text through the one accessor
# (`msg` from src/i18n, the current locale's catalogue) instead of importing zh-CN directly.
# Left alone: the server, core and contracts (Chinese for staff and stored codes rendered there),
# build-time page configs (*.config.ts, evaluated by Node at build time) and src/i18n itself.
# Re-runnable after a merge: it only touches files that still import zh-CN's `zhCN`/`errorMessage`.
set -eu
cd "$(dirname "$0")/.."
files=$(grep -rlE "from '(\.\./)+i18n/zh-CN'" src --include='*.ts' --include='*.tsx' \
  | grep -vE '^src/(server|core|contracts|i18n)/' | grep -vE '\.config\.ts$' || true)
for f in $files; do
  sed -i -E \
    -e "s#^import \{ zhCN \} from '((\.\./)+)i18n/zh-CN'#import { msg } from '\1i18n'#" \
    -e "s#^import \{ errorMessage \} from '((\.\./)+)i18n/zh-CN'#import { errorMessage } from '\1i18n'#" \
    -e "s#^import \{ errorMessage, zhCN \} from '((\.\./)+)i18n/zh-CN'#import { errorMessage, msg } from '\1i18n'#" \
    -e "s#^import \{ zhCN, zhRules \} from '((\.\./)+)i18n/zh-CN'#import { msg } from '\1i18n'\nimport { zhRules } from '\1i18n/zh-CN'#" \
    -e 's#\bzhCN\b#msg#g' \
    "$f"
done
echo "$(echo "$files" | grep -c . || true) files"
