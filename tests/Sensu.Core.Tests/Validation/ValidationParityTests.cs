using System.Text.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Validation;

/// <summary>
/// Sensu's accept/refuse rules, one row each: (type, rule, input JSON, <c>null</c> to accept or Sensu's message).
/// Rules and messages come from the <c>Validate</c> functions of sensu/core v2 (v2.20.0-alpha1, the version
/// sensu-go pins). Where we refuse more on purpose, see docs/validation-differences.md.
/// </summary>
public sealed class ValidationParityTests
{
    public static TheoryData<string, string, string, string?> Rules => new()
    {
        { "CheckConfig", "valid interval check", @"{""command"":""c"",""interval"":60,""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "CheckConfig", "check_hooks type is not checked", @"{""command"":""c"",""interval"":60,""check_hooks"":[{""bogus"":[""h""]}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "CheckConfig", "check_hooks with empty hooks is not checked", @"{""command"":""c"",""interval"":60,""check_hooks"":[{""critical"":[]}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "CheckConfig", "metric thresholds are not checked on configs", @"{""command"":""c"",""interval"":60,""output_metric_thresholds"":[{""name"":""""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "CheckConfig", "pipeline reference type is not checked on configs", @"{""command"":""c"",""interval"":60,""pipelines"":[{""name"":""p"",""type"":""Handler"",""api_version"":""core/v2""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "CheckConfig", "name empty", @"{""command"":""c"",""interval"":60,""metadata"":{""namespace"":""default""}}", "check name must not be empty" },
        { "CheckConfig", "name special characters", @"{""command"":""c"",""interval"":60,""metadata"":{""name"":""a b"",""namespace"":""default""}}", "check name cannot contain spaces or special characters" },
        { "CheckConfig", "interval and cron", @"{""command"":""c"",""interval"":60,""cron"":""* * * * *"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "must only specify either an interval or a cron schedule" },
        { "CheckConfig", "neither interval nor cron", @"{""command"":""c"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "check interval must be greater than 0 or a valid cron schedule must be provided" },
        { "CheckConfig", "namespace missing", @"{""command"":""c"",""interval"":60,""metadata"":{""name"":""x""}}", "namespace must be set" },
        { "CheckConfig", "ttl not above interval", @"{""command"":""c"",""interval"":60,""ttl"":60,""metadata"":{""name"":""x"",""namespace"":""default""}}", "ttl must be greater than check interval" },
        { "CheckConfig", "ttl below 5 is allowed on configs", @"{""command"":""c"",""interval"":1,""ttl"":3,""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "CheckConfig", "runtime asset name empty", @"{""command"":""c"",""interval"":60,""runtime_assets"":[""""],""metadata"":{""name"":""x"",""namespace"":""default""}}", "asset's name cannot be empty" },
        { "CheckConfig", "runtime asset name invalid", @"{""command"":""c"",""interval"":60,""runtime_assets"":[""a b""],""metadata"":{""name"":""x"",""namespace"":""default""}}", "asset's name may only contain letters, forward slashes, underscores, dashes and numbers" },
        { "CheckConfig", "empty subscription", @"{""command"":""c"",""interval"":60,""subscriptions"":[""""],""metadata"":{""name"":""x"",""namespace"":""default""}}", "subscriptions cannot be empty strings" },
        { "CheckConfig", "proxy entity name invalid", @"{""command"":""c"",""interval"":60,""proxy_entity_name"":""a b"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "proxy entity name cannot contain spaces or special characters" },
        { "CheckConfig", "splay coverage above 100", @"{""command"":""c"",""interval"":60,""proxy_requests"":{""splay_coverage"":101},""metadata"":{""name"":""x"",""namespace"":""default""}}", "proxy request splay coverage must be between 0 and 100" },
        { "CheckConfig", "splay without coverage", @"{""command"":""c"",""interval"":60,""proxy_requests"":{""splay"":true},""metadata"":{""name"":""x"",""namespace"":""default""}}", "proxy request splay coverage must be greater than 0 if splay is enabled" },
        { "CheckConfig", "output metric format unknown", @"{""command"":""c"",""interval"":60,""output_metric_format"":""csv"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "output metric format is not valid" },
        { "CheckConfig", "flap thresholds inverted", @"{""command"":""c"",""interval"":60,""low_flap_threshold"":30,""high_flap_threshold"":20,""metadata"":{""name"":""x"",""namespace"":""default""}}", "invalid flap thresholds" },
        { "CheckConfig", "env var without value", @"{""command"":""c"",""interval"":60,""env_vars"":[""A=""],""metadata"":{""name"":""x"",""namespace"":""default""}}", "environment variables must be of the form FOO=BAR" },
        { "CheckConfig", "subdue repeat period unknown", @"{""command"":""c"",""interval"":60,""subdues"":[{""begin"":""2021-01-01T00:00:00Z"",""end"":""2021-01-01T01:00:00Z"",""repeat"":[""hourly""]}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "subdue 0 invalid: invalid repeat period: hourly" },
        { "CheckConfig", "subdue end before begin", @"{""command"":""c"",""interval"":60,""subdues"":[{""begin"":""2021-01-01T01:00:00Z"",""end"":""2021-01-01T00:00:00Z""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "subdue 0 invalid: end time must be after begin time" },
        { "CheckConfig", "subdue end equal to begin is allowed", @"{""command"":""c"",""interval"":60,""subdues"":[{""begin"":""2021-01-01T01:00:00Z"",""end"":""2021-01-01T01:00:00Z""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Event", "check in event: hooks type not checked", @"{""entity"":{""entity_class"":""agent"",""metadata"":{""name"":""x"",""namespace"":""default""}},""check"":{""interval"":60,""check_hooks"":[{""bogus"":[""h""]}],""metadata"":{""name"":""x"",""namespace"":""default""}}}", null },
        { "Event", "check in event: minimum ttl", @"{""entity"":{""entity_class"":""agent"",""metadata"":{""name"":""x"",""namespace"":""default""}},""check"":{""interval"":1,""ttl"":3,""metadata"":{""name"":""x"",""namespace"":""default""}}}", "check is invalid: minimum ttl is 5 seconds" },
        { "Event", "check in event: published without interval", @"{""entity"":{""entity_class"":""agent"",""metadata"":{""name"":""x"",""namespace"":""default""}},""check"":{""publish"":true,""metadata"":{""name"":""x"",""namespace"":""default""}}}", "check is invalid: check interval must be greater than or equal to 1" },
        { "Event", "check in event: metric threshold without rules", @"{""entity"":{""entity_class"":""agent"",""metadata"":{""name"":""x"",""namespace"":""default""}},""check"":{""output_metric_thresholds"":[{""name"":""m""}],""metadata"":{""name"":""x"",""namespace"":""default""}}}", "check is invalid: invalid metric threshold 0: there must be at least one threshold rule" },
        { "Event", "no entity", @"{""check"":{""metadata"":{""name"":""x"",""namespace"":""default""}}}", "event must contain an entity" },
        { "Event", "no check or metrics", @"{""entity"":{""entity_class"":""agent"",""metadata"":{""name"":""x"",""namespace"":""default""}}}", "event must contain a check or metrics" },
        { "Event", "entity class empty", @"{""entity"":{""metadata"":{""name"":""x"",""namespace"":""default""}},""check"":{""metadata"":{""name"":""x"",""namespace"":""default""}}}", "entity is invalid: entity class must not be empty" },
        { "Event", "pipeline reference not a pipeline", @"{""entity"":{""entity_class"":""agent"",""metadata"":{""name"":""x"",""namespace"":""default""}},""check"":{""metadata"":{""name"":""x"",""namespace"":""default""}},""pipelines"":[{""name"":""h"",""type"":""Handler"",""api_version"":""core/v2""}]}", "pipeline reference is invalid: resource type not capable of acting as a pipeline: core/v2.Handler" },
        { "Entity", "valid proxy entity", @"{""entity_class"":""proxy"",""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Entity", "name empty", @"{""entity_class"":""proxy"",""metadata"":{""namespace"":""default""}}", "entity name must not be empty" },
        { "Entity", "class invalid", @"{""entity_class"":""a b"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "entity class cannot contain spaces or special characters" },
        { "Entity", "namespace missing", @"{""entity_class"":""proxy"",""metadata"":{""name"":""x""}}", "namespace must be set" },
        { "HookConfig", "valid", @"{""command"":""c"",""timeout"":10,""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "HookConfig", "runtime asset names are not checked", @"{""command"":""c"",""timeout"":10,""runtime_assets"":[""a b""],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "HookConfig", "command empty", @"{""timeout"":10,""metadata"":{""name"":""x"",""namespace"":""default""}}", "command cannot be empty" },
        { "HookConfig", "timeout zero", @"{""command"":""c"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "hook timeout must be greater than 0" },
        { "HookConfig", "name invalid", @"{""command"":""c"",""timeout"":10,""metadata"":{""name"":""a b"",""namespace"":""default""}}", "hook name cannot contain spaces or special characters" },
        { "Handler", "valid pipe", @"{""type"":""pipe"",""command"":""c"",""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Handler", "env vars and assets are not checked", @"{""type"":""pipe"",""command"":""c"",""env_vars"":[""A""],""runtime_assets"":[""a b""],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Handler", "valid set", @"{""type"":""set"",""handlers"":[""a""],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Handler", "type empty", @"{""command"":""c"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "empty handler type" },
        { "Handler", "pipe without command", @"{""type"":""pipe"",""command"":""  "",""metadata"":{""name"":""x"",""namespace"":""default""}}", "missing command" },
        { "Handler", "tcp without socket", @"{""type"":""tcp"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "tcp and udp handlers need a valid socket" },
        { "Handler", "udp socket without host", @"{""type"":""udp"",""socket"":{""port"":1},""metadata"":{""name"":""x"",""namespace"":""default""}}", "socket host undefined" },
        { "Handler", "tcp socket without port", @"{""type"":""tcp"",""socket"":{""host"":""h""},""metadata"":{""name"":""x"",""namespace"":""default""}}", "socket port undefined" },
        { "Handler", "unknown type", @"{""type"":""grpc"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "unknown handler type: grpc" },
        { "Handler", "name empty", @"{""type"":""set"",""metadata"":{""namespace"":""default""}}", "handler name must not be empty" },
        { "EventFilter", "valid", @"{""action"":""allow"",""expressions"":[""event.check.status == 0""],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "EventFilter", "runtime asset names are not checked", @"{""action"":""deny"",""expressions"":[""true""],""runtime_assets"":[""a b""],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "EventFilter", "action invalid", @"{""action"":""maybe"",""expressions"":[""true""],""metadata"":{""name"":""x"",""namespace"":""default""}}", "action 'maybe' is not valid" },
        { "EventFilter", "no expressions", @"{""action"":""allow"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "filter must have one or more expressions" },
        { "EventFilter", "namespace missing", @"{""action"":""allow"",""expressions"":[""true""],""metadata"":{""name"":""x""}}", "namespace must be set" },
        { "Mutator", "valid pipe", @"{""command"":""c"",""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Mutator", "eval without type is accepted", @"{""eval"":""return 1"",""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Mutator", "javascript without eval but with nothing", @"{""type"":""javascript"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "mutator command or eval must be set" },
        { "Mutator", "javascript with command", @"{""type"":""javascript"",""command"":""c"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "\"command\" used with javascript mutator, should be \"eval\"" },
        { "Mutator", "type unknown", @"{""type"":""lua"",""command"":""c"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "invalid mutator type \"lua\", valid types are \"javascript, pipe\"" },
        { "Mutator", "env vars are not checked", @"{""command"":""c"",""env_vars"":[""A""],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Asset", "valid", @"{""url"":""https://e/a.tgz"",""sha512"":""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"",""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Asset", "url scheme is not checked", @"{""url"":""ftp://e/a.tgz"",""sha512"":""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"",""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Asset", "build without filters or headers", @"{""builds"":[{""url"":""https://e/a.tgz"",""sha512"":""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Asset", "name invalid", @"{""url"":""u"",""sha512"":""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"",""metadata"":{""name"":""a b"",""namespace"":""default""}}", "name may only contain letters, forward slashes, underscores, dashes and numbers" },
        { "Asset", "namespace missing", @"{""url"":""u"",""sha512"":""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"",""metadata"":{""name"":""x""}}", "namespace cannot be empty" },
        { "Asset", "sha512 empty", @"{""url"":""u"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "SHA-512 checksum cannot be empty" },
        { "Asset", "sha512 short", @"{""url"":""u"",""sha512"":""abc"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "SHA-512 checksum must be at least 128 characters" },
        { "Asset", "url empty", @"{""sha512"":""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"",""metadata"":{""name"":""x"",""namespace"":""default""}}", "URL cannot be empty" },
        { "Namespace", "valid", @"{""name"":""dev""}", null },
        { "Namespace", "name empty", @"{}", "namespace name must not be empty" },
        { "Pipeline", "valid", @"{""workflows"":[{""name"":""w"",""handler"":{""name"":""h"",""type"":""Handler"",""api_version"":""core/v2""}}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Pipeline", "workflow without filters", @"{""workflows"":[{""name"":""w"",""handler"":{""name"":""h"",""type"":""Handler"",""api_version"":""core/v2""}}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Pipeline", "workflow without handler", @"{""workflows"":[{""name"":""w""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "workflow handler must be set" },
        { "Pipeline", "workflow name empty", @"{""workflows"":[{""handler"":{""name"":""h"",""type"":""Handler"",""api_version"":""core/v2""}}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "workflow name must not be empty" },
        { "Pipeline", "filter not an event filter", @"{""workflows"":[{""name"":""w"",""filters"":[{""name"":""f"",""type"":""Handler"",""api_version"":""core/v2""}],""handler"":{""name"":""h"",""type"":""Handler"",""api_version"":""core/v2""}}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "workflow filter resource type not capable of filtering events: core/v2.Handler" },
        { "Pipeline", "namespace missing", @"{""metadata"":{""name"":""x""}}", "namespace must be set" },
        { "Role", "valid", @"{""rules"":[{""verbs"":[""get""],""resources"":[""checks""]}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "Role", "no rules", @"{""metadata"":{""name"":""x"",""namespace"":""default""}}", "a Role must have at least one rule" },
        { "Role", "verb invalid", @"{""rules"":[{""verbs"":[""patch""],""resources"":[""checks""]}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "the verb \"patch\" is not valid" },
        { "Role", "namespace missing", @"{""rules"":[{""verbs"":[""get""],""resources"":[""checks""]}],""metadata"":{""name"":""x""}}", "the Role namespace must be set" },
        { "RoleBinding", "valid", @"{""role_ref"":{""type"":""Role"",""name"":""r""},""subjects"":[{""type"":""User"",""name"":""u""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "RoleBinding", "lower-case types are title-cased", @"{""role_ref"":{""type"":""role"",""name"":""r""},""subjects"":[{""type"":""group"",""name"":""g""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
        { "RoleBinding", "no subjects", @"{""role_ref"":{""type"":""Role"",""name"":""r""},""metadata"":{""name"":""x"",""namespace"":""default""}}", "a RoleBinding must have at least one subject" },
        { "RoleBinding", "role ref type invalid", @"{""role_ref"":{""type"":""Team"",""name"":""r""},""subjects"":[{""type"":""User"",""name"":""u""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "roleRef type \"Team\" is invalid, expected either \"ClusterRole\" or \"Role\"" },
        { "ClusterRole", "namespace refused", @"{""rules"":[{""verbs"":[""get""],""resources"":[""checks""]}],""metadata"":{""name"":""x"",""namespace"":""default""}}", "ClusterRole cannot have a namespace" },
        { "ClusterRole", "valid", @"{""rules"":[{""verbs"":[""*""],""resources"":[""*""]}],""metadata"":{""name"":""x""}}", null },
        { "ClusterRoleBinding", "subject name empty", @"{""role_ref"":{""type"":""ClusterRole"",""name"":""r""},""subjects"":[{""type"":""User""}],""metadata"":{""name"":""x""}}", "subject name for the \"User\" type is required" },
        { "User", "valid with hash only", @"{""username"":""alice"",""password_hash"":""$2a$10$abcdefghijklmnopqrstuv""}", null },
        { "User", "upper-case username", @"{""username"":""Alice""}", "username cannot contain spaces or special characters" },
        { "User", "username empty", @"{}", "username must not be empty" },
        { "Silenced", "valid subscription", @"{""subscription"":""linux"",""metadata"":{""namespace"":""default""}}", null },
        { "Silenced", "namespace is not required by Validate", @"{""check"":""c""}", null },
        { "Silenced", "neither check nor subscription", @"{""metadata"":{""namespace"":""default""}}", "must provide check or subscription" },
        { "Silenced", "both wildcards", @"{""check"":""*"",""subscription"":""*""}", "must provide check or subscription" },
        { "Silenced", "subscription with two colons", @"{""subscription"":""a:b:c""}", "Subscription cannot contain spaces or special characters" },
        { "Silenced", "check invalid", @"{""check"":""a b""}", "Check cannot contain spaces or special characters" },
        { "TessenConfig", "anything goes", @"{""opt_out"":true}", null },
        { "APIKey", "valid", @"{""username"":""admin"",""metadata"":{""name"":""83abef1e-e7d7-4beb-91fc-79ad90084d5b""}}", null },
        { "APIKey", "namespace refused", @"{""username"":""admin"",""metadata"":{""name"":""k"",""namespace"":""default""}}", "api key cannot have a namespace" },
        { "APIKey", "username empty", @"{""metadata"":{""name"":""k""}}", "api key must have a username" },
        { "Handler", "secret references are not checked", @"{""type"":""pipe"",""command"":""c"",""secrets"":[{""name"":"""",""secret"":""""}],""metadata"":{""name"":""x"",""namespace"":""default""}}", null },
    };

    /// <summary>
    /// The enterprise types (secrets/v1, store/v1): their Go source is not public, so accept/refuse follows the
    /// "required" attributes and behaviour in Sensu's 6.14 docs (api/enterprise/secrets.md, datastore.md,
    /// operations/manage-secrets, operations/deploy-sensu/datastore.md) and secrets-spec.md 1.1-1.6; the messages are
    /// ours (Sensu's wording is not published), names use core/v2's wording. Rules the docs do not give are listed in
    /// docs/validation-differences.md as refusing more.
    /// </summary>
    public static TheoryData<string, string, string, string?> EnterpriseRules => new()
    {
        { "secrets/v1.Secret", "valid", @"{""id"":""SENSU_TOKEN"",""provider"":""env"",""metadata"":{""name"":""token"",""namespace"":""default""}}", null },
        { "secrets/v1.Secret", "provider need not exist", @"{""id"":""secret/x#k"",""provider"":""hashi-vault"",""metadata"":{""name"":""token"",""namespace"":""default""}}", null },
        { "secrets/v1.Secret", "name empty", @"{""id"":""X"",""provider"":""env"",""metadata"":{""namespace"":""default""}}", "name must not be empty" },
        { "secrets/v1.Secret", "namespace missing", @"{""id"":""X"",""provider"":""env"",""metadata"":{""name"":""token""}}", "namespace must be set" },
        { "secrets/v1.Secret", "id empty", @"{""provider"":""env"",""metadata"":{""name"":""token"",""namespace"":""default""}}", "id must not be empty" },
        { "secrets/v1.Secret", "provider empty", @"{""id"":""X"",""metadata"":{""name"":""token"",""namespace"":""default""}}", "provider must not be empty" },
        { "secrets/v1.Env", "valid, spec is empty", @"{""metadata"":{""name"":""env""}}", null },
        { "secrets/v1.Env", "name empty", @"{""metadata"":{}}", "name must not be empty" },
        { "secrets/v1.VaultProvider", "valid token provider", @"{""client"":{""address"":""https://vault:8200"",""token"":""t"",""version"":""v1""},""metadata"":{""name"":""vault""}}", null },
        { "secrets/v1.VaultProvider", "http address (the dev-server guide)", @"{""client"":{""address"":""http://localhost:8200"",""token"":""t"",""version"":""v2""},""metadata"":{""name"":""vault""}}", null },
        { "secrets/v1.VaultProvider", "documented-required max_retries and timeout may be omitted", @"{""client"":{""address"":""http://localhost:8200"",""token"":""t"",""version"":""v2"",""tls"":null},""metadata"":{""name"":""vault""}}", null },
        { "secrets/v1.VaultProvider", "certificate auth without token", @"{""client"":{""address"":""https://vault:8200"",""version"":""v2"",""tls"":{""client_cert"":""/c.pem"",""client_key"":""/k.pem"",""cname"":""sensu""}},""metadata"":{""name"":""vault""}}", null },
        { "secrets/v1.VaultProvider", "name empty", @"{""client"":{""address"":""https://vault:8200"",""token"":""t"",""version"":""v1""},""metadata"":{}}", "name must not be empty" },
        { "secrets/v1.VaultProvider", "address empty", @"{""client"":{""token"":""t"",""version"":""v1""},""metadata"":{""name"":""vault""}}", "client address must not be empty" },
        { "secrets/v1.VaultProvider", "token empty without certificate auth", @"{""client"":{""address"":""https://vault:8200"",""version"":""v1""},""metadata"":{""name"":""vault""}}", "client token must not be empty unless tls client_cert authentication is configured" },
        { "secrets/v1.VaultProvider", "version not v1 or v2", @"{""client"":{""address"":""https://vault:8200"",""token"":""t"",""version"":""v3""},""metadata"":{""name"":""vault""}}", "client version must be v1 or v2, not \"v3\"" },
        { "store/v1.PostgresConfig", "valid, docs example", @"{""batch_buffer"":0,""batch_size"":1,""batch_workers"":0,""dsn"":""postgresql://user:secret@host:5432/dbname"",""max_conn_lifetime"":""5m"",""max_idle_conns"":2,""pool_size"":20,""strict"":true,""enable_round_robin"":true,""metadata"":{""name"":""my-postgres""}}", null },
        { "store/v1.PostgresConfig", "only dsn", @"{""dsn"":""host=db user=sensu"",""metadata"":{""name"":""pg""}}", null },
        { "store/v1.PostgresConfig", "name empty", @"{""dsn"":""host=db"",""metadata"":{}}", "name must not be empty" },
        { "store/v1.PostgresConfig", "dsn empty", @"{""metadata"":{""name"":""pg""}}", "dsn must not be empty" },
    };

    /// <summary>Where we refuse more than Sensu's docs say, on purpose; each is a row of docs/validation-differences.md.</summary>
    public static TheoryData<string, string, string, string?> RefusedMoreOnPurpose => new()
    {
        { "secrets/v1.VaultProvider", "address not an http(s) URL", @"{""client"":{""address"":""vault:8200"",""token"":""t"",""version"":""v1""},""metadata"":{""name"":""vault""}}", "client address vault:8200 is not an http or https URL" },
        { "secrets/v1.VaultProvider", "client_cert without client_key", @"{""client"":{""address"":""https://vault:8200"",""version"":""v1"",""tls"":{""client_cert"":""/c.pem""}},""metadata"":{""name"":""vault""}}", "client tls client_cert and client_key must be set together" },
        { "secrets/v1.VaultProvider", "negative max_retries", @"{""client"":{""address"":""https://vault:8200"",""token"":""t"",""version"":""v1"",""max_retries"":-1},""metadata"":{""name"":""vault""}}", "client max_retries must not be negative" },
        { "secrets/v1.VaultProvider", "negative timeout", @"{""client"":{""address"":""https://vault:8200"",""token"":""t"",""version"":""v1"",""timeout"":""-1s""},""metadata"":{""name"":""vault""}}", "client timeout must not be negative" },
        { "secrets/v1.VaultProvider", "negative rate limit", @"{""client"":{""address"":""https://vault:8200"",""token"":""t"",""version"":""v1"",""rate_limiter"":{""limit"":-1,""burst"":1}},""metadata"":{""name"":""vault""}}", "client rate_limiter limit must not be negative" },
        { "store/v1.PostgresConfig", "negative pool_size", @"{""dsn"":""host=db"",""pool_size"":-1,""metadata"":{""name"":""pg""}}", "pool_size must not be negative" },
        { "store/v1.PostgresConfig", "negative max_idle_conns", @"{""dsn"":""host=db"",""max_idle_conns"":-1,""metadata"":{""name"":""pg""}}", "max_idle_conns must not be negative" },
        { "store/v1.PostgresConfig", "negative batch size", @"{""dsn"":""host=db"",""batch_size"":-1,""metadata"":{""name"":""pg""}}", "batch_buffer, batch_size and batch_workers must not be negative" },
        { "store/v1.PostgresConfig", "max_conn_lifetime not a Go duration", @"{""dsn"":""host=db"",""max_conn_lifetime"":""5 minutes"",""metadata"":{""name"":""pg""}}", "max_conn_lifetime: time: invalid duration \"5 minutes\"" },
    };

    [Fact]
    public void Every_served_type_has_rules()
    {
        var covered = Rules.Concat(EnterpriseRules).Select(r => Find((string)r[0]).FullName).ToHashSet(StringComparer.Ordinal);
        var missing = ResourceRegistry.All.Select(t => t.FullName).Where(t => !covered.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "no rules for " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    [MemberData(nameof(EnterpriseRules))]
    [MemberData(nameof(RefusedMoreOnPurpose))]
    public void Matches_sensu(string type, string rule, string json, string? sensuMessage)
    {
        var resourceType = Find(type);
        var resource = (IResource)JsonSerializer.Deserialize(json, resourceType.TypeInfo)!;
        var error = Record.Exception(resource.Validate);
        if (sensuMessage is null)
        {
            Assert.True(error is null, $"{type}: {rule}: Sensu accepts, we refuse with: {error?.Message}");
            return;
        }
        var refused = Assert.IsType<ResourceValidationException>(error);
        Assert.Equal(sensuMessage, refused.Message);
    }

    /// <summary>A core/v2 type by its Go name, any other by <c>api_version.Type</c>.</summary>
    private static ResourceType Find(string type) =>
        (type.Contains('/', StringComparison.Ordinal) ? ResourceRegistry.FindByAnyName(type) : ResourceRegistry.Find(type, null))
        ?? throw new InvalidOperationException($"{type} is not registered");
}
