#!/usr/bin/env python3
"""Refresh translations/*.ts with lupdate, keeping every translation whose English source text
is unchanged even when the string moved to another class (lupdate keys messages by context,
so a string moved from one class to another would otherwise come back untranslated).

Usage: scripts/carry-translations.py BUILD_DIR   (runs the update_translations target)"""
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

root = Path(__file__).resolve().parent.parent
build = sys.argv[1] if len(sys.argv) > 1 else 'build-ci'
files = sorted((root / 'translations').glob('signoff_*.ts'))


def translations(path):
    found = {}
    for msg in ET.parse(path).getroot().iter('message'):
        src, tr = msg.find('source'), msg.find('translation')
        if src is None or tr is None or tr.get('type') in ('unfinished', 'obsolete', 'vanished'):
            continue
        forms = [f.text or '' for f in tr.findall('numerusform')]
        if forms or tr.text:
            found[src.text] = (tr.text, forms)
    return found


before = {f: translations(f) for f in files}
subprocess.run(['cmake', '--build', build, '--target', 'update_translations'], check=True, cwd=root)
for f in files:
    tree = ET.parse(f)
    carried = 0
    for msg in tree.getroot().iter('message'):
        src, tr = msg.find('source'), msg.find('translation')
        if tr is None or tr.get('type') != 'unfinished' or src.text not in before[f]:
            continue
        text, forms = before[f][src.text]
        if forms:
            for el, form in zip(tr.findall('numerusform'), forms):
                el.text = form
        else:
            tr.text = text
        del tr.attrib['type']
        carried += 1
    tree.write(f, encoding='utf-8', xml_declaration=True)
    left = sum(1 for t in tree.getroot().iter('translation') if t.get('type') == 'unfinished')
    print(f'{f.name}: {carried} carried over, {left} still untranslated')
# lupdate again, so the files keep lupdate's own layout (and its DOCTYPE) for readable diffs.
subprocess.run(['cmake', '--build', build, '--target', 'update_translations'], check=True, cwd=root,
               stdout=subprocess.DEVNULL)
