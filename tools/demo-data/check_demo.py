#!/usr/bin/env python3
"""Validate data/demo/listings.json against the listing contract and the demo-data rules.

Usage: python3 tools/demo-data/check_demo.py [FILE]
Exit status 0 when every rule holds, 1 otherwise. Standard library only.
"""
import collections
import csv
import json
import math
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT = os.path.join(ROOT, "data", "demo", "listings.json")
POSTCODES = os.path.join(ROOT, "data", "geo", "postcodes.csv")
VOCAB_CANDIDATES = [os.path.join(ROOT, "..", "shared", "contract", "vocabulary.json"),
                    "/work/shared/contract/vocabulary.json",
                    os.path.join(ROOT, "data", "vocabulary.json")]

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,127}$")
TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
DATE_RE = re.compile(r"^2026-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
PHONE_RE = re.compile(r"^\+45 \d\d \d\d \d\d \d\d$")
CPR_RE = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d\d[- ]?\d{4}(?!\d)")
MUNIS = {"0661", "0630"}
MAX_KM = 3.0

errors = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def km(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def load_vocab():
    for p in VOCAB_CANDIDATES:
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                return json.load(f), p
    sys.exit("vocabulary.json not found")


def walk_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from walk_strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from walk_strings(v)


def check_codes(where, field, values, allowed):
    if not isinstance(values, list):
        err(where, "%s is not a list" % field)
        return
    for v in values:
        if v not in allowed:
            err(where, "%s code %r not in vocabulary" % (field, v))
    if len(set(values)) != len(values):
        err(where, "%s has duplicates" % field)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    vocab, vpath = load_vocab()
    pcs = {}
    with open(POSTCODES, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pcs[row["postcode"]] = row
    interests = set(vocab["interests"])
    transport = set(vocab["transport"])
    access = set(vocab["accessibility"])
    targets = set(vocab["target_groups"])
    weekdays = set(vocab["weekdays"])

    assocs = data.get("associations")
    acts = data.get("activities")
    if not isinstance(assocs, list) or not isinstance(acts, list):
        sys.exit("file must hold arrays 'associations' and 'activities'")

    # --- associations
    amuni, ids = {}, set()
    for i, a in enumerate(assocs):
        w = "associations[%d] %s" % (i, a.get("id"))
        for k in ("id", "name"):
            if not isinstance(a.get(k), str) or not a.get(k).strip():
                err(w, "missing %s" % k)
        aid = a.get("id", "")
        if not ID_RE.match(aid or ""):
            err(w, "bad id")
        if aid in ids:
            err(w, "duplicate association id")
        ids.add(aid)
        if a.get("municipality") not in MUNIS:
            err(w, "municipality must be 0661 or 0630")
        amuni[aid] = a.get("municipality")
        if "website" in a and not re.match(r"^https://[a-z0-9.-]+\.example\.dk(/.*)?$", a["website"]):
            err(w, "website not https://….example.dk")
        if "email" in a and not re.match(r"^[a-z0-9._-]+@[a-z0-9.-]+\.example\.dk$", a["email"]):
            err(w, "email not @….example.dk")
        if "phone" in a and not PHONE_RE.match(a["phone"]):
            err(w, "phone not '+45 NN NN NN NN'")

    # --- activities
    act_ids = set()
    c = collections.Counter()
    per_muni = collections.Counter()
    per_pc = collections.Counter()
    for i, x in enumerate(acts):
        w = "activities[%d] %s" % (i, x.get("id"))
        for k in ("id", "association", "title"):
            if not isinstance(x.get(k), str) or not x.get(k).strip():
                err(w, "missing %s" % k)
        xid = x.get("id", "")
        if not ID_RE.match(xid or ""):
            err(w, "bad id")
        if xid in act_ids:
            err(w, "duplicate activity id")
        act_ids.add(xid)
        if x.get("association") not in amuni:
            err(w, "association %r not in file" % x.get("association"))
            continue
        muni = amuni[x["association"]]
        per_muni[muni] += 1
        loc = x.get("location")
        if not isinstance(loc, dict) or not loc.get("postcode"):
            err(w, "missing location.postcode")
            continue
        pc = loc["postcode"]
        per_pc[pc] += 1
        if pc not in pcs:
            err(w, "unknown postcode %s" % pc)
            continue
        if pcs[pc]["municipality_code"] != muni:
            err(w, "postcode %s is in %s, association is %s" % (pc, pcs[pc]["municipality_code"], muni))
        if "city" in loc and loc["city"] != pcs[pc]["name"]:
            err(w, "city %r is not the postcode's name %r" % (loc["city"], pcs[pc]["name"]))
        if ("lat" in loc) != ("lon" in loc):
            err(w, "lat without lon or vice versa")
        if "lat" in loc:
            try:
                d = km(float(loc["lat"]), float(loc["lon"]), float(pcs[pc]["lat"]), float(pcs[pc]["lon"]))
            except (TypeError, ValueError):
                err(w, "lat/lon not numbers")
            else:
                if d > MAX_KM:
                    err(w, "lat/lon %.2f km from postcode %s" % (d, pc))
                c["with_latlon"] += 1
        check_codes(w, "interests", x.get("interests", []), interests)
        check_codes(w, "transport", x.get("transport", []), transport)
        check_codes(w, "accessibility", x.get("accessibility", []), access)
        check_codes(w, "target_groups", x.get("target_groups", []), targets)
        sched = x.get("schedule", [])
        if not isinstance(sched, list):
            err(w, "schedule not a list")
            sched = []
        for e in sched:
            if e.get("weekday") not in weekdays:
                err(w, "bad weekday %r" % e.get("weekday"))
            st, en = e.get("start", ""), e.get("end", "")
            if not TIME_RE.match(st) or not TIME_RE.match(en):
                err(w, "bad start/end %r-%r" % (st, en))
            elif st >= en:
                err(w, "end not after start")
            if "every_weeks" in e and e["every_weeks"] != 2:
                err(w, "every_weeks must be 2")
            if "week_of_month" in e and e["week_of_month"] not in (1, 2, 3, 4, -1):
                err(w, "week_of_month must be 1-4 or -1")
            if "every_weeks" in e and "week_of_month" in e:
                err(w, "both every_weeks and week_of_month")
            extra = set(e) - {"weekday", "start", "end", "every_weeks", "week_of_month"}
            if extra:
                err(w, "unknown schedule keys %s" % sorted(extra))
        ints = x.get("interests", [])
        if ("visiting_friend" in ints or "phone_friend" in ints) and sched and "at_home" in x.get("transport", []):
            err(w, "visiting/phone friend scheme with a schedule")
        if sched:
            c["scheduled"] += 1
            if any("every_weeks" in e for e in sched):
                c["fortnightly"] += 1
            elif any("week_of_month" in e for e in sched):
                c["monthly"] += 1
            else:
                c["weekly"] += 1
        else:
            c["by_arrangement"] += 1
        if "price_dkk" in x:
            p = x["price_dkk"]
            if not isinstance(p, int) or isinstance(p, bool) or p < 0:
                err(w, "price_dkk not a non-negative integer")
            elif p == 0:
                c["free"] += 1
            else:
                c["priced"] += 1
                if not 10 <= p <= 450:
                    err(w, "price %d outside 10-450" % p)
        else:
            c["price_unknown"] += 1
        if "welcome" in x and not isinstance(x["welcome"], bool):
            err(w, "welcome not boolean")
        if x.get("welcome") is True:
            c["welcome"] += 1
        if not DATE_RE.match(x.get("updated_at", "")):
            err(w, "updated_at not a 2026 date")
        con = x.get("contact")
        if con is not None:
            if "phone" in con and not PHONE_RE.match(con["phone"]):
                err(w, "contact phone format")
            if "email" in con and not con["email"].endswith(".example.dk"):
                err(w, "contact email not example.dk")
        if "walking" in ints:
            c["walking"] += 1
            per_pc["walking:" + pc] += 1
        if "at_home" in x.get("transport", []):
            c["at_home"] += 1
        if "pickup" in x.get("transport", []):
            c["pickup"] += 1
        if "flextur" in x.get("transport", []):
            c["flextur"] += 1

    for s in walk_strings(data):
        if CPR_RE.search(s):
            err("text", "looks like a CPR number: %r" % s)

    used = set(k for k in per_pc if not k.startswith("walking:"))
    for muni, plist in (("0661", ["7500", "7570", "7830", "6990"]),
                        ("0630", ["6040", "7080", "7100", "7120", "7173", "7182", "7183", "7184", "7300", "7321", "7323"])):
        for pc in plist:
            if pc not in used:
                err("coverage", "postcode %s has no activity" % pc)
    if len(assocs) < 150:
        err("counts", "fewer than 150 associations")
    if len(acts) < 560:
        err("counts", "fewer than 560 activities")

    n = len(acts)
    pct = lambda k: "%d (%.0f %%)" % (c[k], 100.0 * c[k] / n if n else 0)
    print("file:            %s" % os.path.relpath(path, ROOT))
    print("vocabulary:      %s" % os.path.normpath(vpath))
    print("associations:    %d  (0661: %d, 0630: %d)" % (len(assocs), sum(1 for v in amuni.values() if v == "0661"),
                                                          sum(1 for v in amuni.values() if v == "0630")))
    print("activities:      %d  (0661: %s, 0630: %s)" % (n, "%d (%.0f %%)" % (per_muni["0661"], 100.0 * per_muni["0661"] / n),
                                                          "%d (%.0f %%)" % (per_muni["0630"], 100.0 * per_muni["0630"] / n)))
    print("per postcode:    " + ", ".join("%s: %d" % (k, v) for k, v in sorted(per_pc.items()) if not k.startswith("w")))
    print("walking:         " + ", ".join("%s: %d" % (k[8:], v) for k, v in sorted(per_pc.items()) if k.startswith("w")))
    print("scheduled:       %s  weekly %d, fortnightly %d, monthly %d" % (pct("scheduled"), c["weekly"], c["fortnightly"], c["monthly"]))
    print("by arrangement:  %s" % pct("by_arrangement"))
    print("price:           free %s, priced %s, unknown %s" % (pct("free"), pct("priced"), pct("price_unknown")))
    print("welcome:         %s" % pct("welcome"))
    print("with lat/lon:    %s" % pct("with_latlon"))
    print("transport:       at_home %d, pickup %d, flextur %d" % (c["at_home"], c["pickup"], c["flextur"]))
    if errors:
        print("\n%d PROBLEM(S):" % len(errors))
        for e in errors[:200]:
            print("  " + e)
        sys.exit(1)
    print("\nOK: all rules hold")


if __name__ == "__main__":
    main()
