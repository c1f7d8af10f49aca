#!/usr/bin/env python3
"""Writes train/test CSVs (text,label) for `supportd route-eval` from ../shared/datasets.

Development splits only: BANKING77 and HINT3 are split 80/20 per label from their train files
(seeded, stratified); CLINC150 uses its own train and val (+ oos_train / oos_val labelled `oos`).
Usage: scripts/route-datasets.py [--datasets ../shared/datasets] [--out .build/route-data]
"""
import argparse, csv, json, os, random

def write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "label"])
        w.writerows(rows)

def split(rows, seed=13, test_share=0.2):
    by_label = {}
    for text, label in rows:
        by_label.setdefault(label, []).append((text, label))
    rng = random.Random(seed)
    train, test = [], []
    for label in sorted(by_label):
        items = by_label[label]
        rng.shuffle(items)
        cut = max(1, round(len(items) * test_share))
        test += items[:cut]
        train += items[cut:]
    return train, test

def read_csv(path):
    with open(path, encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        return [(row[0], row[1]) for row in r if len(row) >= 2 and row[0] and row[1]]

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser()
    p.add_argument("--datasets", default=os.path.join(here, "..", "..", "shared", "datasets"))
    p.add_argument("--out", default=os.path.join(here, "..", ".build", "route-data"))
    a = p.parse_args()
    if not os.path.isdir(a.datasets):
        raise SystemExit(f"datasets folder not found: {a.datasets}")
    os.makedirs(a.out, exist_ok=True)
    train, test = split(read_csv(os.path.join(a.datasets, "banking77", "train.csv")))
    write(os.path.join(a.out, "banking77-train.csv"), train)
    write(os.path.join(a.out, "banking77-test.csv"), test)
    clinc = json.load(open(os.path.join(a.datasets, "clinc150", "train_val.json"), encoding="utf-8"))
    write(os.path.join(a.out, "clinc150-train.csv"), [tuple(r) for r in clinc["train"]])
    write(os.path.join(a.out, "clinc150-train-oos.csv"), [tuple(r) for r in clinc["train"] + clinc["oos_train"]])
    write(os.path.join(a.out, "clinc150-val.csv"), [tuple(r) for r in clinc["val"] + clinc["oos_val"]])
    for name in ("curekart", "powerplay11", "sofmattress"):
        train, test = split(read_csv(os.path.join(a.datasets, "hint3", "train", f"{name}_train.csv")))
        write(os.path.join(a.out, f"hint3-{name}-train.csv"), train)
        write(os.path.join(a.out, f"hint3-{name}-test.csv"), test)
    print(f"wrote CSVs to {os.path.relpath(a.out)}")

if __name__ == "__main__":
    main()
