package io.jenkins.plugins.snykprovisioning.benchmark;

/**
 * Who the users in the file are, in percent: people Snyk has never seen (provisioned), platform
 * users who are not in the org yet (added to it), and org members whose role is wrong (corrected).
 */
record Mix(int newPercent, int existingPercent, int wrongRolePercent) {

    static final Mix ALL_NEW = new Mix(100, 0, 0);
    static final Mix STANDARD = new Mix(60, 20, 20);

    Mix {
        if (newPercent < 0 || existingPercent < 0 || wrongRolePercent < 0
                || newPercent + existingPercent + wrongRolePercent != 100) {
            throw new IllegalArgumentException("A mix is three percentages (new, existing, wrong role) that add up to 100");
        }
    }

    /** {@code "60,20,20"} (new, existing, wrong role). */
    static Mix parse(String text) {
        String[] parts = text.trim().split("\\s*[,/:]\\s*");
        if (parts.length != 3) {
            throw new IllegalArgumentException("The mix '" + text + "' must be NEW,EXISTING,WRONG_ROLE percentages, e.g. 60,20,20");
        }
        try {
            return new Mix(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The mix '" + text + "' must be three whole numbers, e.g. 60,20,20");
        }
    }

    /** How many of {@code users} are existing platform users; new users take the rounding. */
    int existing(int users) {
        return (int) ((long) users * existingPercent / 100);
    }

    int wrongRole(int users) {
        return (int) ((long) users * wrongRolePercent / 100);
    }

    int newUsers(int users) {
        return users - existing(users) - wrongRole(users);
    }

    @Override
    public String toString() {
        return newPercent + "/" + existingPercent + "/" + wrongRolePercent;
    }
}
