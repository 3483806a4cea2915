package io.jenkins.plugins.snykprovisioning.simulator.model;

/**
 * A Snyk user. {@code existsInPlatform} is true once the person has logged in to Snyk at least
 * once; V1 provisioning refuses such users.
 */
public record User(String id, String email, String name, String username, boolean existsInPlatform) {

    public User withExistsInPlatform(boolean exists) {
        return new User(id, email, name, username, exists);
    }
}
