package io.jenkins.plugins.snykprovisioning.plan;

/** What can be done for a user in an org: what a dry run reports instead of doing it, and what a plan lists. */
public enum Action {
    PROVISION("provision", '+'),
    ADD_MEMBERSHIP("add_membership", '+'),
    CHANGE_ROLE("change_role", '~'),
    REPLACE_PENDING_PROVISION("replace_pending_provision", '~'),
    REMOVE_MEMBER("remove_member", '-'),
    DELETE_PENDING_PROVISION("delete_pending_provision", '-');

    private final String id;
    private final char sign;

    Action(String id, char sign) {
        this.id = id;
        this.sign = sign;
    }

    public String id() {
        return id;
    }

    /** How a diff marks it: {@code +} adds access, {@code ~} changes a role, {@code -} takes access away. */
    public char sign() {
        return sign;
    }

    public boolean removal() {
        return sign == '-';
    }

    public static Action byId(String id) {
        for (Action action : values()) {
            if (action.id.equals(id)) {
                return action;
            }
        }
        return null;
    }
}
