#!/usr/bin/env python3
"""Builds SensuJsonShapes.tsv from Sensu's Go types (sensu/core v2 *.pb.go at the version sensu-go pins).

Usage: make_sensu_json_shapes.py <sensu/core checkout>/v2 > SensuJsonShapes.tsv

For each field: its json name, Go type, whether the tag has omitempty, and how encoding/json writes the
zero value (the value a field has after a store round trip, where protobuf turns empty lists into nil):
absent (omitempty), null (nil slice, map, pointer or []byte), "" / 0 / false, {} (struct value; omitempty
never drops a struct), or [] where the type's own MarshalJSON replaces nil with an empty slice.
"""
import os, re, sys

TYPES = ["ObjectMeta", "CheckConfig", "Check", "CheckHistory", "ProxyRequests", "HookConfig", "Hook",
         "Handler", "HandlerSocket", "EventFilter", "Mutator", "Asset", "AssetBuild", "Entity", "System",
         "Network", "NetworkInterface", "Process", "Deregistration", "Event", "Metrics", "MetricPoint", "MetricTag",
         "MetricThreshold", "MetricThresholdRule", "MetricThresholdTag", "Silenced", "Pipeline", "PipelineWorkflow",
         "ResourceReference", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "Rule", "RoleRef",
         "Subject", "Namespace", "User", "TessenConfig", "Secret", "TimeWindowWhen", "TimeWindowTimeRange",
         "TimeWindowRepeated", "TimeWindowDays", "APIKey"]

# MarshalJSON methods that replace nil with an empty value before encoding (check.go, check_config.go).
FORCED = {("CheckConfig", "handlers"): "[]", ("CheckConfig", "subscriptions"): "[]", ("CheckConfig", "pipelines"): "[]",
          ("Check", "handlers"): "[]", ("Check", "subscriptions"): "[]", ("Check", "pipelines"): "[]"}

FIELD = re.compile(r'^\s*(?:(\w+)\s+)?([\w\.\*\[\]]+(?:\[[\w\.\*]+\][\w\.\*]+)?)\s+`(.*)`')


def structs(folder):
    found = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".pb.go"):
            continue
        text = open(os.path.join(folder, name)).read()
        for m in re.finditer(r'^type (\w+) struct \{\n(.*?)^\}', text, re.S | re.M):
            found[m.group(1)] = m.group(2)
    return found


def zero(go_type, omit, forced):
    if forced:
        return forced
    struct_value = not go_type.startswith(("*", "[]", "map[")) and go_type not in (
        "string", "bool", "int32", "int64", "uint32", "uint64", "float64", "float32")
    if struct_value:
        return "{}"
    if omit:
        return "absent"
    if go_type.startswith(("*", "[]", "map[")):
        return "null"
    if go_type == "string":
        return '""'
    if go_type == "bool":
        return "false"
    return "0"


def rows(found, t, owner):
    for line in found[t].splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        tag = re.search(r'json:"([^"]*)"', line)
        if not tag or tag.group(1) == "-":
            continue
        parts = line.split("`")[0].split()
        go_type = parts[-1] if len(parts) == 2 else parts[0]
        json_tag = tag.group(1)
        name, _, opts = json_tag.partition(",")
        omit = "omitempty" in opts.split(",")
        if not name:  # embedded struct without a json name: its fields are promoted
            yield from rows(found, go_type, owner)
            continue
        yield "\t".join([owner, name, go_type, json_tag, "yes" if omit else "no", zero(go_type, omit, FORCED.get((owner, name)))])


def main():
    found = structs(sys.argv[1])
    print("type\tfield\tgo_type\tjson_tag\tomitempty\tzero")
    for t in TYPES:
        for row in rows(found, t, t):
            print(row)


main()
