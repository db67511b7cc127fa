#!/usr/bin/env bash
# Regenerate the Czech and German catalogues from the sources, then compile them to .qm.
#
#   scripts/update-translations.sh              # update the catalogues in the package
#   scripts/update-translations.sh --into DIR   # the same on copies in DIR (the package's
#                                               # files stay as they are; used by the tests)
#
# lupdate reads every module of the package that uses Qt's translation (self.tr(),
# QCoreApplication.translate(), QT_TRANSLATE_NOOP()), adds new texts to
# src/gastro_hub_desktop/resources/translations/gastro_hub_{cs,de}.ts as "unfinished" and drops
# texts no source uses any more; lrelease then writes the .qm files the app loads.
# Translate the unfinished ones (pyside6-linguist, or by hand in the .ts), keep placeholders
# ({0}, %1, %n, {name}), HTML tags, leading/trailing spaces and & accelerators, and run this
# again: tests/gui/test_catalogues.py fails while a catalogue is behind the sources, has an
# unfinished message, or its .qm is not compiled from it.
set -euo pipefail
INTO=""
if [[ ${1:-} == --into ]]; then
    INTO=$(realpath -m "${2:?--into needs a folder}")
fi
cd "$(dirname "$0")/.."

BIN=${VENV_BIN:-.venv/bin}
PACKAGE=src/gastro_hub_desktop
CATALOGUES=$PACKAGE/resources/translations
LANGUAGES=(cs de)
OUT=$CATALOGUES
if [[ -n $INTO ]]; then
    OUT=$INTO
    mkdir -p "$OUT"
    for language in "${LANGUAGES[@]}"; do
        cp "$CATALOGUES/gastro_hub_$language.ts" "$OUT/"
    done
fi

# every module that asks Qt for a translation (today: the ui package)
mapfile -t SOURCES < <(
    grep -rlE --include='*.py' 'QT_TRANSLATE_NOOP|QCoreApplication\.translate|\btr\(' "$PACKAGE" | sort
)
TS_FILES=()
for language in "${LANGUAGES[@]}"; do
    TS_FILES+=("$OUT/gastro_hub_$language.ts")
done

"$BIN/pyside6-lupdate" -no-obsolete -locations absolute "${SOURCES[@]}" -ts "${TS_FILES[@]}"
for ts in "${TS_FILES[@]}"; do
    "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done

for ts in "${TS_FILES[@]}"; do
    echo "$ts: $(grep -c 'type="unfinished"' "$ts" || true) unfinished"
done
