#!/usr/bin/env python3
"""Validate data/relevance/queries.json against data/demo/listings.json.

Checks: query ids unique, categories valid, params known, every judged activity
exists, grades are 1-3, every judged activity satisfies the query's hard filters
(municipality, postcode[/radius_km], near/radius_km, interest, target, transport,
accessibility, day, time_of_day, free), and every query has at least one grade >= 2.
Prints the number of queries per category. Exit status 1 on any problem.

Usage: python3 data/relevance/check_queries.py [queries.json] [listings.json] [postcodes.csv]
Standard library only.
"""
import csv
import json
import math
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CATEGORIES = ["exact", "inflected", "compound", "misspelt", "synonym",
              "filtered", "geographic", "natural"]
KNOWN_PARAMS = {"municipality", "postcode", "radius_km", "near", "interest", "target",
                "transport", "accessibility", "day", "time_of_day", "free"}
WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
TIMES = {"morning", "afternoon", "evening"}


def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def codes(value):
    return [c.strip() for c in value.split(",") if c.strip()]


def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def time_of_day(start):
    t = minutes(start)
    if t < 12 * 60:
        return "morning"
    if t < 17 * 60:
        return "afternoon"
    return "evening"


class Checker:
    def __init__(self, listings, postcodes):
        self.acts = {a["id"]: a for a in listings["activities"]}
        self.pc = postcodes

    def point(self, act):
        loc = act["location"]
        if loc.get("lat") is not None and loc.get("lon") is not None:
            return float(loc["lat"]), float(loc["lon"])
        p = self.pc[loc["postcode"]]
        return p[0], p[1]

    def violations(self, act, params):
        """Return a list of reasons why act does not satisfy the hard filters."""
        out = []
        loc = act["location"]
        radius = float(params["radius_km"]) if "radius_km" in params else None
        if "municipality" in params:
            if self.pc[loc["postcode"]][2] != params["municipality"]:
                out.append("municipality")
        if "postcode" in params:
            if radius is None:
                if loc["postcode"] != params["postcode"]:
                    out.append("postcode")
            else:
                lat, lon, _ = self.pc[params["postcode"]]
                if haversine_km(lat, lon, *self.point(act)) > radius + 1e-9:
                    out.append("postcode+radius_km")
        if "near" in params:
            lat, lon = (float(v) for v in params["near"].split(","))
            if radius is None:
                out.append("near without radius_km")
            elif haversine_km(lat, lon, *self.point(act)) > radius + 1e-9:
                out.append("near+radius_km")
        if "interest" in params and not set(codes(params["interest"])) & set(act.get("interests", [])):
            out.append("interest")
        if "target" in params and not set(codes(params["target"])) & set(act.get("target_groups", [])):
            out.append("target")
        if "transport" in params and not set(codes(params["transport"])) <= set(act.get("transport", [])):
            out.append("transport")
        if "accessibility" in params and not set(codes(params["accessibility"])) <= set(act.get("accessibility", [])):
            out.append("accessibility")
        if "day" in params or "time_of_day" in params:
            days = set(codes(params.get("day", ""))) or WEEKDAYS
            times = set(codes(params.get("time_of_day", ""))) or TIMES
            ok = any(s.get("weekday") in days and s.get("start") and time_of_day(s["start"]) in times
                     for s in act.get("schedule", []))
            if not ok:
                out.append("day/time_of_day")
        if params.get("free") == "true" and act.get("price_dkk") != 0:
            out.append("free")
        return out


def load_postcodes(path):
    pcs = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pcs[row["postcode"]] = (float(row["lat"]), float(row["lon"]), row["municipality_code"])
    return pcs


def main(argv):
    qpath = argv[1] if len(argv) > 1 else os.path.join(HERE, "queries.json")
    lpath = argv[2] if len(argv) > 2 else os.path.join(ROOT, "data", "demo", "listings.json")
    ppath = argv[3] if len(argv) > 3 else os.path.join(ROOT, "data", "geo", "postcodes.csv")
    with open(qpath, encoding="utf-8") as f:
        doc = json.load(f)
    with open(lpath, encoding="utf-8") as f:
        listings = json.load(f)
    checker = Checker(listings, load_postcodes(ppath))
    errors = []
    if not isinstance(doc.get("about"), str) or not doc["about"].strip():
        errors.append("missing 'about'")
    queries = doc.get("queries", [])
    seen = set()
    per_cat = Counter()
    relevant = Counter()
    for i, q in enumerate(queries):
        qid = q.get("id", f"#{i}")
        if qid in seen:
            errors.append(f"{qid}: duplicate id")
        seen.add(qid)
        cat = q.get("category")
        if cat not in CATEGORIES:
            errors.append(f"{qid}: unknown category {cat!r}")
        per_cat[cat] += 1
        if not isinstance(q.get("q"), str) or not q["q"].strip():
            errors.append(f"{qid}: empty q")
        params = q.get("params", {})
        for k, v in params.items():
            if k not in KNOWN_PARAMS:
                errors.append(f"{qid}: unknown param {k}")
            if not isinstance(v, str):
                errors.append(f"{qid}: param {k} must be a string")
        if "radius_km" in params and "postcode" not in params and "near" not in params:
            errors.append(f"{qid}: radius_km without postcode or near")
        for k in ("day",):
            if k in params and not set(codes(params[k])) <= WEEKDAYS:
                errors.append(f"{qid}: bad day {params[k]}")
        if "time_of_day" in params and not set(codes(params["time_of_day"])) <= TIMES:
            errors.append(f"{qid}: bad time_of_day {params['time_of_day']}")
        if "postcode" in params and params["postcode"] not in checker.pc:
            errors.append(f"{qid}: unknown postcode {params['postcode']}")
        judg = q.get("judgments", {})
        if not judg:
            errors.append(f"{qid}: no judgments")
        for aid, grade in judg.items():
            if aid not in checker.acts:
                errors.append(f"{qid}: unknown activity {aid}")
                continue
            if grade not in (1, 2, 3):
                errors.append(f"{qid}: {aid} has grade {grade!r} (must be 1, 2 or 3)")
            bad = checker.violations(checker.acts[aid], params)
            if bad:
                errors.append(f"{qid}: {aid} violates {', '.join(bad)}")
        if not any(g >= 2 for g in judg.values()):
            errors.append(f"{qid}: no activity graded 2 or 3")
        relevant[qid] = sum(1 for g in judg.values() if g >= 1)
    for c in CATEGORIES:
        print(f"{c:11s} {per_cat.get(c, 0):3d}")
    print(f"{'total':11s} {len(queries):3d}  (judged pairs: {sum(relevant.values())})")
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
