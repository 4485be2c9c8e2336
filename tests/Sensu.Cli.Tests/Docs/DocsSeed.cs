namespace Sensu.Cli.Tests.Docs;

/// <summary>What the docs' sensuctl lines expect to exist: resources created before the lines run, and the files they read.</summary>
public static class DocsSeed
{
    public const string ApiKey = "7f63b5bc-41f4-4b3e-b59b-5431afd7e6a2";

    /// <summary>Created with <c>sensuctl create</c> before the first line.</summary>
    public static readonly string Resources = $$"""
        type: Namespace
        api_version: core/v2
        metadata: {}
        spec: {name: production}
        ---
        type: Namespace
        api_version: core/v2
        metadata: {}
        spec: {name: development}
        ---
        type: Namespace
        api_version: core/v2
        metadata: {}
        spec: {name: dev}
        ---
        type: Namespace
        api_version: core/v2
        metadata: {}
        spec: {name: team1}
        ---
        type: APIKey
        api_version: core/v2
        metadata: {name: {{ApiKey}}}
        spec: {username: admin}
        ---
        type: User
        api_version: core/v2
        metadata: {}
        spec: {username: angela, password: Ang3la-P@ssword, groups: [global-event-readers, ops], disabled: false}
        ---
        type: Secret
        api_version: secrets/v1
        metadata: {name: sensu-ansible-token, namespace: default}
        spec: {id: SENSU_ANSIBLE_TOKEN, provider: env}
        ---
        type: Role
        api_version: core/v2
        metadata: {name: admin, namespace: default}
        spec: {rules: [{verbs: ["*"], resources: ["*"]}]}
        ---
        {{Check("check-cpu", "default")}}
        ---
        {{Check("check-disk-usage", "default")}}
        ---
        {{Check("nginx_service", "default")}}
        ---
        {{Check("prometheus_metrics", "default")}}
        ---
        {{Check("check-cpu", "dev")}}
        ---
        {{Check("check-cpu", "team1")}}
        ---
        type: Handler
        api_version: core/v2
        metadata: {name: sumologic, namespace: default}
        spec: {type: pipe, command: sensu-sumologic-handler}
        ---
        type: Asset
        api_version: core/v2
        metadata: {name: sensu-disk-checks, namespace: default}
        spec: {url: "http://127.0.0.1:1/sensu-disk-checks.tar.gz", sha512: "{{new string('a', 128)}}"}
        ---
        {{Entity("webserver01", "default", "webserver")}}
        ---
        {{Entity("webserver1", "default", "webserver")}}
        ---
        {{Entity("sensu-site", "default", "website")}}
        ---
        {{Entity("server01", "default", "linux")}}
        ---
        {{Entity("entity-name", "default", "linux")}}
        ---
        {{Entity("sensu-docs", "default", "linux")}}
        ---
        {{Entity("postgresql", "default", "linux")}}
        ---
        {{Entity("webserver01", "dev", "webserver")}}
        ---
        {{Event("webserver01", "check-http", "default")}}
        ---
        {{Event("webserver01", "nginx_service", "default")}}
        ---
        {{Event("webserver1", "check-http", "default")}}
        ---
        {{Event("sensu-site", "check-sensu-site", "default")}}
        ---
        {{Event("server01", "server-health", "default")}}
        ---
        {{Event("entity-name", "check-name", "default")}}
        """;

    /// <summary>Files (relative to the work directory) the lines read; ".yml" files are also written as ".json".</summary>
    public static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["path/to/config.yml"] = Check("check-config", null),
        ["cluster_roles.yml"] = """
            type: ClusterRole
            api_version: core/v2
            metadata: {name: all-resources-reader}
            spec: {rules: [{verbs: [get, list], resources: ["*"]}]}
            """,
        ["clusterrolebindings.yml"] = """
            type: ClusterRoleBinding
            api_version: core/v2
            metadata: {name: all-resources-reader}
            spec: {role_ref: {type: ClusterRole, name: all-resources-reader}, subjects: [{type: Group, name: readers}]}
            """,
        ["roles.yml"] = """
            type: Role
            api_version: core/v2
            metadata: {name: event-reader}
            spec: {rules: [{verbs: [get, list], resources: [events]}]}
            """,
        ["rolebindings.yml"] = """
            type: RoleBinding
            api_version: core/v2
            metadata: {name: event-reader}
            spec: {role_ref: {type: Role, name: event-reader}, subjects: [{type: Group, name: readers}]}
            """,
        ["users.yml"] = """
            type: User
            api_version: core/v2
            metadata: {}
            spec: {username: carol, password: Car0l-P@ssword, groups: [readers], disabled: false}
            """,
        ["pagerduty-handler.yml"] = Handler("pagerduty-handler"),
        ["pagerduty.yml"] = Handler("pagerduty"),
        ["service-entity.yml"] = """
            type: Entity
            api_version: core/v2
            metadata: {name: sensu-site}
            spec: {entity_class: proxy, subscriptions: [website]}
            """,
        ["sensu-fatigue-check-filter.yml"] = """
            type: EventFilter
            api_version: core/v2
            metadata: {name: fatigue_check}
            spec: {action: allow, expressions: ["event.check.occurrences == 1"], runtime_assets: [fatigue-filter]}
            """,
        ["my-postgres.yml"] = Postgres,
        ["postgres.yml"] = Postgres,
        ["postgresconfig.yml"] = Postgres,
        ["entity-name-event.yml"] = Event("entity-name", "check-name", "default"),
    };

    private const string Postgres = """
        type: PostgresConfig
        api_version: store/v1
        metadata: {name: my-postgres}
        spec: {dsn: "postgresql://user:secret@127.0.0.1:1/sensu_events", pool_size: 20}
        """;

    private static string Check(string name, string? ns) => $$"""
        type: CheckConfig
        api_version: core/v2
        metadata: {name: {{name}}{{(ns is null ? "" : ", namespace: " + ns)}}, labels: {region: us-west-1} }
        spec: {command: "check-cpu-usage -w 75 -c 90", interval: 60, subscriptions: [linux, system], handlers: [slack], publish: true}
        """;

    private static string Handler(string name) => $$"""
        type: Handler
        api_version: core/v2
        metadata: {name: {{name}}}
        spec: {type: pipe, command: sensu-pagerduty-handler, runtime_assets: [pagerduty-handler]}
        """;

    private static string Entity(string name, string ns, string subscription) => $$"""
        type: Entity
        api_version: core/v2
        metadata: {name: {{name}}, namespace: {{ns}}, labels: {proxy_type: switch} }
        spec: {entity_class: proxy, subscriptions: [{{subscription}}, switches]}
        """;

    private static string Event(string entity, string check, string ns) => $$"""
        type: Event
        api_version: core/v2
        metadata: {namespace: {{ns}}}
        spec:
          entity: {metadata: {name: {{entity}}, namespace: {{ns}}}, entity_class: proxy}
          check: {metadata: {name: {{check}}, namespace: {{ns}}}, command: "true", interval: 60, status: 2, output: failing, handlers: []}
        """;
}
