#!/usr/bin/env python3
"""Builds SensuJsonShapes.tsv from Sensu's Go types (sensu/core v2 and v3 *.pb.go at the versions sensu-go pins:
v2.20.0-alpha1, v3.9.0-alpha2), plus the enterprise types (secrets/v1, store/v1), whose Go source is not public:
their rows are written below from the API output the Sensu 6.14 docs show, and say so in the source column.

Usage: make_sensu_json_shapes.py <sensu/core checkout>/v2 <sensu/core checkout>/v3 > SensuJsonShapes.tsv

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
         "TimeWindowRepeated", "TimeWindowDays", "APIKey", "CheckRequest", "AssetList"]

# core/v3 types we serve (EntityConfig: the backend sends it to agents). Written as core/v3.Name; the v2. package
# qualifier of their field types is dropped (v2.ObjectMeta is the ObjectMeta above).
V3_TYPES = ["EntityConfig"]

# Enterprise types: (type, field, go type, json tag, zero, source). No Go source is public; every field the docs'
# API output shows is taken as always written (no omitempty): the real-server output in secrets.md (provider
# "vault_dev") lists every client field, agent_address "" and tls null included, and datastore.md's GET output
# shows batch_buffer 0. metadata is the wrapper's (these groups keep it outside spec). Types we could not see are
# named as we name them; "duration" is a Go time.Duration written as its String() ("20s", "0s").
SECRETS_DOC = "docs 6.14 api/enterprise/secrets.md + secrets-spec.md 1.1-1.4"
STORE_DOC = "docs 6.14 api/enterprise/datastore.md + operations/deploy-sensu/datastore.md"
DOCUMENTED = [
    ("secrets/v1.Secret", "metadata", "ObjectMeta", "metadata", "{}", "wrapper metadata"),
    ("secrets/v1.Secret", "id", "string", "id", '""', SECRETS_DOC),
    ("secrets/v1.Secret", "provider", "string", "provider", '""', SECRETS_DOC),
    ("secrets/v1.Env", "metadata", "ObjectMeta", "metadata", "{}", "wrapper metadata; spec is {} (secrets-spec.md 1.3)"),
    ("secrets/v1.VaultProvider", "metadata", "ObjectMeta", "metadata", "{}", "wrapper metadata"),
    ("secrets/v1.VaultProvider", "client", "*secrets/v1.VaultClient", "client", "null", SECRETS_DOC),
    ("secrets/v1.VaultClient", "address", "string", "address", '""', SECRETS_DOC),
    ("secrets/v1.VaultClient", "agent_address", "string", "agent_address", '""', SECRETS_DOC),
    ("secrets/v1.VaultClient", "max_retries", "int", "max_retries", "0", SECRETS_DOC + " (ansible: zero values echoed)"),
    ("secrets/v1.VaultClient", "rate_limiter", "*secrets/v1.VaultRateLimiter", "rate_limiter", "null", SECRETS_DOC + " (null inferred, like tls)"),
    ("secrets/v1.VaultClient", "timeout", "duration", "timeout", '"0s"', SECRETS_DOC),
    ("secrets/v1.VaultClient", "tls", "*secrets/v1.VaultTLS", "tls", "null", SECRETS_DOC),
    ("secrets/v1.VaultClient", "token", "string", "token", '""', SECRETS_DOC),
    ("secrets/v1.VaultClient", "version", "string", "version", '""', SECRETS_DOC),
    ("secrets/v1.VaultTLS", "ca_cert", "string", "ca_cert", '""', SECRETS_DOC),
    ("secrets/v1.VaultTLS", "client_cert", "string", "client_cert", '""', SECRETS_DOC),
    ("secrets/v1.VaultTLS", "client_key", "string", "client_key", '""', SECRETS_DOC),
    ("secrets/v1.VaultTLS", "cname", "string", "cname", '""', SECRETS_DOC),
    ("secrets/v1.VaultTLS", "insecure", "bool", "insecure", "false", SECRETS_DOC + " (ansible: extra tls fields returned)"),
    ("secrets/v1.VaultTLS", "tls_server_name", "string", "tls_server_name", '""', SECRETS_DOC + " (ansible: extra tls fields returned)"),
    ("secrets/v1.VaultTLS", "ca_path", "string", "ca_path", '""', SECRETS_DOC + " (ansible: extra tls fields returned)"),
    ("secrets/v1.VaultRateLimiter", "limit", "float64", "limit", "0", SECRETS_DOC),
    ("secrets/v1.VaultRateLimiter", "burst", "int", "burst", "0", SECRETS_DOC),
    ("store/v1.PostgresConfig", "metadata", "ObjectMeta", "metadata", "{}", "wrapper metadata"),
    ("store/v1.PostgresConfig", "batch_buffer", "int", "batch_buffer", "0", STORE_DOC),
    ("store/v1.PostgresConfig", "batch_size", "int", "batch_size", "0", STORE_DOC),
    ("store/v1.PostgresConfig", "batch_workers", "int", "batch_workers", "0", STORE_DOC),
    ("store/v1.PostgresConfig", "dsn", "string", "dsn", '""', STORE_DOC),
    ("store/v1.PostgresConfig", "max_conn_lifetime", "string", "max_conn_lifetime", '""', STORE_DOC),
    ("store/v1.PostgresConfig", "max_idle_conns", "int", "max_idle_conns", "0", STORE_DOC),
    ("store/v1.PostgresConfig", "pool_size", "int", "pool_size", "0", STORE_DOC),
    ("store/v1.PostgresConfig", "strict", "bool", "strict", "false", STORE_DOC),
    ("store/v1.PostgresConfig", "enable_round_robin", "bool", "enable_round_robin", "false", STORE_DOC),
]

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
            found[m.group(1)] = (m.group(2), name)
    return found


def zero(go_type, omit, forced):
    if forced:
        return forced
    struct_value = not go_type.startswith(("*", "[]", "map[")) and go_type not in (
        "string", "bool", "int", "int32", "int64", "uint32", "uint64", "float64", "float32")
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


def rows(found, t, owner, source):
    body, file = found[t]
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        tag = re.search(r'json:"([^"]*)"', line)
        if not tag or tag.group(1) == "-":
            continue
        parts = line.split("`")[0].split()
        go_type = (parts[-1] if len(parts) == 2 else parts[0]).replace("v2.", "")
        json_tag = tag.group(1)
        name, _, opts = json_tag.partition(",")
        omit = "omitempty" in opts.split(",")
        if not name:  # embedded struct without a json name: its fields are promoted
            yield from rows(found, go_type, owner, source)
            continue
        yield "\t".join([owner, name, go_type, json_tag, "yes" if omit else "no", zero(go_type, omit, FORCED.get((owner, name))),
                         f"{source} {file}"])


def main():
    v2 = structs(sys.argv[1])
    v3 = structs(sys.argv[2])
    print("type\tfield\tgo_type\tjson_tag\tomitempty\tzero\tsource")
    for t in TYPES:
        for row in rows(v2, t, t, "sensu/core v2"):
            print(row)
    for t in V3_TYPES:
        for row in rows({**v2, **v3}, t, "core/v3." + t, "sensu/core v3"):
            print(row)
    for owner, field, go_type, json_tag, zero_value, source in DOCUMENTED:
        print("\t".join([owner, field, go_type, json_tag, "no", zero_value, source]))


main()
