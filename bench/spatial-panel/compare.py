"""Compares hetfirm spatial --json with spreg's estimates (bench/spatial-panel)."""
import json
import sys

hetfirm = json.load(open(sys.argv[1]))
spreg = json.load(open(sys.argv[2]))
names = [c["name"] for c in hetfirm["coefficients"]] if isinstance(hetfirm["coefficients"], list) else list(hetfirm["coefficients"])
print("hetfirm JSON coefficient names:", names)
print("spreg betas:", spreg["betas"], "SEs:", spreg["standard_errors"])
