"""An independent reading of key-figures.md v3's disclosure control, for
checking `roret keyfigures` row for row: reads the unsuppressed CSV
(`roret keyfigures --unsuppressed`) and writes what the suppressed output
must be. Written from the spec's text, sharing no code with Roret.

Usage: python3 suppress_reference.py UNSUPPRESSED.csv OUT.csv
"""
import csv
import sys

PERSON_NUMERATOR = lambda f: f not in ("NT14", "NT15", "NT16", "NT19")
PERSON_DENOMINATOR = lambda f: f != "NT14"


def breakdown_group(figure, breakdown):
    """The key of the breakdown group a row belongs to, or None."""
    if figure in ("NT06", "NT07"):
        return breakdown.split(";")[0]  # from=s
    if figure in ("NT17", "NT18", "NT20"):
        return ""
    return None


def main(src, dst):
    with open(src, newline="") as f:
        rows = list(csv.DictReader(f))
    hidden = [False] * len(rows)

    def count(i, which):
        r = rows[i]
        person = PERSON_NUMERATOR(r["figure"]) if which == "numerator" else PERSON_DENOMINATOR(r["figure"])
        if not person or r[which] == "":
            return None
        return int(r[which])

    for i, r in enumerate(rows):
        if r["denominator"] in ("0", ""):
            continue
        n, d = count(i, "numerator"), count(i, "denominator")
        if (n is not None and 1 <= n <= 4) or (d is not None and 1 <= d <= 4):
            hidden[i] = True

    groups = {}
    areas = {}
    for i, r in enumerate(rows):
        g = breakdown_group(r["figure"], r["breakdown"])
        if g is not None:
            groups.setdefault((r["area"], r["year"], r["figure"], g), []).append(i)
        key = (r["year"], r["figure"], r["breakdown"])
        entry = areas.setdefault(key, {"munis": [], "national": None})
        if r["area"] == "national":
            entry["national"] = i
        else:
            entry["munis"].append(i)
    for entry in areas.values():
        entry["munis"].sort(key=lambda i: rows[i]["area"].encode())

    def smallest(candidates, value):
        best = None
        for i in candidates:
            v = value(i)
            if v is not None and v > 0 and (best is None or v < value(best)):
                best = i
        return best

    while True:
        changed = False
        for members in groups.values():
            if sum(hidden[i] for i in members) != 1:
                continue
            rest = [i for i in members if not hidden[i]]
            pick = smallest(rest, lambda i: count(i, "numerator") or 0)
            if pick is not None:
                hidden[pick] = changed = True
            elif all((count(i, "numerator") or 0) == 0 for i in rest):
                for i in rest:
                    hidden[i] = changed = True
        for entry in areas.values():
            nat = entry["national"]
            if nat is None or hidden[nat] or sum(hidden[i] for i in entry["munis"]) != 1:
                continue
            rest = [i for i in entry["munis"] if not hidden[i]]
            pick = smallest(rest, lambda i: count(i, "numerator"))
            if pick is None:
                pick = smallest(rest, lambda i: count(i, "denominator"))
            if pick is None:
                pick = nat
            hidden[pick] = changed = True
        if not changed:
            break

    with open(dst, "w", newline="") as f:
        f.write("area,year,figure,breakdown,numerator,denominator,value,suppressed\n")
        for i, r in enumerate(rows):
            if hidden[i]:
                f.write(f"{r['area']},{r['year']},{r['figure']},{r['breakdown']},,,,true\n")
            else:
                f.write(f"{r['area']},{r['year']},{r['figure']},{r['breakdown']},{r['numerator']},{r['denominator']},{r['value']},{r['suppressed']}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
