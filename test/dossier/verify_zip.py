"""Reads a 档案袋 the way an inspector's tools would (Python's zipfile) and prints a JSON report:
names as decoded, whether each entry carries the UTF-8 flag, Windows-unsafe parts, and whether
every file's SHA-256 matches 校验清单.txt."""
import hashlib, json, re, sys, zipfile

RESERVED = re.compile(r'^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$', re.I)
BAD = re.compile(r'[<>:"\\|?*\x00-\x1f\x7f]')

def unsafe(part):
    return bool(BAD.search(part)) or part.endswith(('.', ' ')) or bool(RESERVED.match(part.split('.')[0].strip())) or len(part) > 60 or part == ''

with zipfile.ZipFile(sys.argv[1]) as z:
    infos = z.infolist()
    manifest = {}
    for line in z.read('校验清单.txt').decode('utf-8').splitlines():
        sha, path = line.split('  ', 1)
        manifest[path] = sha
    actual = {i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in infos}
    print(json.dumps({
        'names': [i.filename for i in infos],
        'notUtf8Flagged': [i.filename for i in infos if not i.flag_bits & 0x800],
        'unsafe': [i.filename for i in infos if any(unsafe(p) for p in i.filename.split('/'))],
        'mismatched': [p for p, s in manifest.items() if actual.get(p) != s],
        'unlisted': [n for n in actual if n not in manifest and n not in ('校验清单.txt', 'manifest.json')],
        'testzip': z.testzip(),
    }, ensure_ascii=False))
