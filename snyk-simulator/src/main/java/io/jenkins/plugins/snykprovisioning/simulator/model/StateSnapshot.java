package io.jenkins.plugins.snykprovisioning.simulator.model;

import java.util.List;

/** The whole simulator state as one value: the JSON document of {@code --state} files. */
public record StateSnapshot(List<User> users, List<ApiToken> tokens, List<Group> groups, List<Org> orgs) {

    public StateSnapshot {
        users = users == null ? List.of() : List.copyOf(users);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        groups = groups == null ? List.of() : List.copyOf(groups);
        orgs = orgs == null ? List.of() : List.copyOf(orgs);
    }

    /** The same state with every token value replaced, for views that anyone on the machine can read. */
    public StateSnapshot withRedactedTokens() {
        return new StateSnapshot(users, tokens.stream().map(t -> t.withValue("<redacted>")).toList(), groups, orgs);
    }
}
